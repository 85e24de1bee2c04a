// The error summary (templates/partials/_error_summary.html): focused when the page loads so
// that a screen reader reads it and the keyboard starts there; each link moves the focus to its
// field (a plain #anchor would only scroll). Without this script the links still scroll.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  for (const link of document.querySelectorAll("[data-error-link]")) {
    link.addEventListener("click", (event) => {
      const field = document.getElementById(link.dataset.errorLink);
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.scrollIntoView({block: "center"});
    });
  }
});
