"""The staircase scoring rules (coordination/staircase.py): yes 1, partly ½, no 0; a level is met
at 80 % of its points when every level below is met too; the score is the plain share of all
points; next steps come from the lowest unmet level and the one after it."""

import pytest

from coordination.staircase.scoring import THRESHOLD, Item, next_steps, percent, score

# The default set's sizes: indicators per level.
SIZES = {1: 4, 2: 5, 3: 8, 4: 9, 5: 7}


def answers(**by_level: str) -> list[Item]:
    """``answers(l1="yyyp", l2="yyyyy")``: one letter per indicator (y, p, n, or - for none);
    levels not given are answered no."""
    letters = {"y": "yes", "p": "partly", "n": "no", "-": ""}
    items = []
    for level, size in SIZES.items():
        codes = by_level.get(f"l{level}", "n" * size)
        assert len(codes) == size
        items += [Item(level, letters[code], ref=(level, i)) for i, code in enumerate(codes)]
    return items


def test_threshold_is_eighty_percent():
    assert THRESHOLD * 100 == 80


def test_all_no_is_not_yet_level_one_and_scores_zero():
    result = score(answers())
    assert (result.level, result.score) == (0, 0)
    assert not any(level.met for level in result.levels)


def test_all_yes_is_level_five_and_scores_hundred():
    result = score(answers(**{f"l{n}": "y" * size for n, size in SIZES.items()}))
    assert (result.level, result.score) == (5, 100)
    assert next_steps(answers(**{f"l{n}": "y" * size for n, size in SIZES.items()}), result) == []


def test_a_higher_level_all_yes_does_not_count_when_a_lower_one_is_not_met():
    items = answers(l1="yyyy", l2="yynnn", l3="yyyyyyyy")
    result = score(items)
    assert result.level == 1
    level3 = result.levels[2]
    assert level3.reaches_threshold and not level3.met


def test_level_one_unmet_blocks_everything_above():
    items = answers(l1="ynnn", l2="yyyyy", l3="yyyyyyyy", l4="y" * 9, l5="y" * 7)
    assert score(items).level == 0


def test_exactly_at_the_threshold_is_met():
    # Level 2 has 5 indicators: 4 yes and 1 no is exactly 80 %.
    assert score(answers(l1="yyyy", l2="yyyyn")).level == 2
    # Level 1 has 4: 3 yes and 1 partly is 87.5 %; 3 yes and 1 no is 75 %.
    assert score(answers(l1="yyyp")).level == 1
    assert score(answers(l1="yyyn")).level == 0


def test_just_below_the_threshold_is_not_met():
    # Level 3 has 8 indicators: 6 yes + 1 partly = 6.5 of 8 = 81 % (met); 6 yes = 75 % (not).
    assert score(answers(l1="yyyy", l2="yyyyy", l3="yyyyyypn")).level == 3
    assert score(answers(l1="yyyy", l2="yyyyy", l3="yyyyyynn")).level == 2


def test_partly_everywhere_is_half_the_points_and_no_level():
    items = answers(**{f"l{n}": "p" * size for n, size in SIZES.items()})
    result = score(items)
    assert (result.level, result.score) == (0, 50)
    assert all(level.percent == 50 for level in result.levels)


def test_unanswered_counts_as_no():
    assert score(answers(l1="yyy-")).level == 0
    assert score(answers(l1="yyy-")).score == score(answers(l1="yyyn")).score


def test_score_is_the_plain_share_of_all_points_rounded_half_up():
    # 33 indicators; level 1 all yes (4) and one partly at level 2: 4.5 / 33 = 13.6 %.
    assert score(answers(l1="yyyy", l2="pnnnn")).score == 14
    assert percent(7, 8) == 88  # 87.5 rounds up
    assert percent(0, 0) == 0


def test_a_level_without_indicators_cannot_be_met():
    items = [Item(1, "yes"), Item(1, "yes"), Item(3, "yes")]
    result = score(items)
    assert result.level == 1  # level 2 has nothing to answer, so 3 is not reached either
    assert not result.levels[1].met


def test_next_steps_are_the_lowest_unmet_level_and_the_one_after():
    items = answers(l1="yyyy", l2="yyyyp", l3="yyyppnyp", l4="pnnnpnnnn")
    result = score(items)
    assert result.level == 2
    steps = next_steps(items, result)
    assert {item.level for item in steps} == {3, 4}
    assert all(item.value != "yes" for item in steps)
    assert len(steps) == 4 + 9  # level 3 has 4 not yes; level 4 none yes


def test_next_steps_when_level_one_is_not_met():
    items = answers(l1="ynpy", l2="yyyyy")
    steps = next_steps(items, score(items))
    assert [(item.level, item.value) for item in steps] == [(1, "no"), (1, "partly")]


@pytest.mark.parametrize(
    ("codes", "level"),
    [
        ({"l1": "yyyy", "l2": "yyyyy", "l3": "yyyyyyyy", "l4": "yyyyyyypp"}, 4),
        ({"l1": "yyyy", "l2": "yyyyy", "l3": "yyyyyyyy", "l4": "yyyyyyynn"}, 3),
    ],
)
def test_level_four_needs_eighty_percent_of_its_nine(codes, level):
    assert score(answers(**codes)).level == level
