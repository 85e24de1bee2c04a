// The agreement form: a box to find a partner by name among the partners not yet chosen as
// parties (useful when the municipality has many). Without this script every partner is
// simply listed, grouped by type.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-party-filter]");
  if (!box) return;
  const input = box.querySelector("input");
  const count = box.querySelector("[data-count-text]");
  const rows = Array.from(document.querySelectorAll("[data-party-name]"));
  const groups = Array.from(document.querySelectorAll("[data-party-group]"));
  box.hidden = false;
  input.addEventListener("input", () => {
    const wanted = input.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ticked = row.querySelector("input[type=checkbox]").checked;
      const match = !wanted || ticked || row.dataset.partyName.toLocaleLowerCase().includes(wanted);
      row.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of groups) {
      group.hidden = !group.querySelector("[data-party-name]:not([hidden])");
    }
    count.textContent = wanted
      ? count.dataset.countText.replace("{shown}", shown).replace("{all}", rows.length)
      : "";
  });
});
