// The staircase questionnaire: show the hint "the portal's data does not show this yet" as soon
// as someone answers yes where the portal's evidence is not met (the server shows it too).
document.addEventListener("change", (event) => {
  const input = event.target;
  if (!input.matches || !input.matches(".questionnaire input[type=radio]")) return;
  const hint = document.querySelector(`[data-mismatch-for="${CSS.escape(input.name)}"]`);
  if (hint) hint.hidden = input.value !== "yes";
});
