// The error summary (templates/partials/_error_summary.html): focused when the page loads so
// that a screen reader reads it and the keyboard starts there; each link moves the focus to its
// field (a plain #anchor would only scroll). Without this script the links still scroll.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  for (const link of document.querySelectorAll("[data-error-link]")) {
    link.addEventListener("click", (event) => {
      // A field drawn by hand (a list of checkboxes with ids of their own) is found by its name.
      const field = document.getElementById(link.dataset.errorLink)
        || document.querySelector(`[name="${CSS.escape(link.dataset.errorField || "")}"]`);
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.scrollIntoView({block: "center"});
    });
  }
});

// Tables on a phone (static/css/samspill.css, "table-stack"): each cell gets its column's header
// as a label, shown above the value when the rows are stacked as cards below 576 px. Explicit
// ARIA roles keep the table a table for screen readers when CSS changes how it is displayed.
function stackTables(root) {
  for (const table of root.querySelectorAll("main table")) {
    if (table.classList.contains("table-stack") || table.hasAttribute("data-no-stack")) continue;
    const head = table.tHead;
    if (!head || head.rows.length !== 1) continue;
    const labels = [];
    for (const cell of head.rows[0].cells) {
      for (let i = 0; i < cell.colSpan; i++) labels.push(cell.innerText.trim());
    }
    table.setAttribute("role", "table");
    for (const group of [head, ...table.tBodies]) group.setAttribute("role", "rowgroup");
    for (const cell of head.rows[0].cells) cell.setAttribute("role", "columnheader");
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        row.setAttribute("role", "row");
        let column = 0;
        for (const cell of row.cells) {
          cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
          cell.dataset.label = labels[column] || "";
          column += cell.colSpan;
        }
      }
    }
    head.rows[0].setAttribute("role", "row");
    table.classList.add("table-stack");
  }
}
document.addEventListener("DOMContentLoaded", () => stackTables(document));
document.addEventListener("htmx:afterSettle", (event) => stackTables(event.target.ownerDocument || document));
