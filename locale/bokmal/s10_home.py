"""Bokmål for issue 10, daily use: landing after login, the volunteer's one home, the
staircase's next steps from today's data and the opt-in comparison."""

NB = {
    "Your other roles in the municipality": "Dine andre roller i kommunen",
}
