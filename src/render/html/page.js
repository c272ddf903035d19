// decldiff redline report: filters, search, keyboard navigation. No network, no libraries.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const rows = Array.from(document.querySelectorAll("article.row"));
  const runs = Array.from(document.querySelectorAll("section.run"));
  const filters = {
    theme: $("f-theme"), kind: $("f-kind"), cls: $("f-class"),
    substantive: $("f-substantive"), identical: $("f-identical"), search: $("f-search"),
  };
  let group = null; // a count clicked in the table: {theme, group}

  function matches(row) {
    const d = row.dataset;
    const theme = group && group.theme !== "" ? group.theme : filters.theme.value;
    const themeOf = group && group.group === "moved_out" ? d.from : d.theme;
    if (theme && themeOf !== theme) return false;
    if (group && !d.groups.split(" ").includes(group.group)) return false;
    if (filters.kind.value && d.kind !== filters.kind.value) return false;
    if (filters.cls.value && !d.classes.split(" ").includes(filters.cls.value)) return false;
    if (filters.substantive.checked && d.substantive !== "1") return false;
    return true;
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      const visible = matches(row);
      row.hidden = !visible;
      if (visible && !row.parentElement.classList.contains("run")) shown++;
    }
    const unchangedWanted = filters.identical.checked || (group && group.group === "unchanged");
    for (const run of runs) {
      const visible = run.querySelectorAll("article.row:not([hidden])").length;
      run.hidden = visible === 0;
      if (unchangedWanted) setOpen(run, true);
      const label = run.querySelector(".run-label");
      const noun = visible === 1 ? "block" : "blocks";
      label.textContent = visible + " unchanged " + noun;
    }
    $("f-shown").textContent = shown + " change" + (shown === 1 ? "" : "s") + " shown";
    const chip = $("f-group");
    if (group) {
      chip.hidden = false;
      chip.textContent = group.group.replace("_", " ") + (group.theme ? " · " + group.theme : "") + " ✕";
    } else {
      chip.hidden = true;
    }
  }

  function setOpen(run, open) {
    run.classList.toggle("open", open);
    run.querySelector(".run-toggle").setAttribute("aria-expanded", open ? "true" : "false");
  }

  for (const run of runs) {
    run.querySelector(".run-toggle").addEventListener("click", () => setOpen(run, !run.classList.contains("open")));
  }
  for (const el of [filters.theme, filters.kind, filters.cls, filters.substantive, filters.identical]) {
    el.addEventListener("change", () => {
      if (el === filters.identical && !el.checked) runs.forEach((r) => setOpen(r, false));
      apply();
    });
  }
  for (const link of document.querySelectorAll("a.count")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      group = { theme: link.dataset.theme, group: link.dataset.group };
      filters.theme.value = "";
      apply();
      $("rows").scrollIntoView();
    });
  }
  $("f-group").addEventListener("click", () => { group = null; apply(); });

  // A link to a block inside a collapsed run opens the run.
  function reveal(id) {
    const target = document.getElementById(id);
    if (!target) return;
    const run = target.closest("section.run");
    if (run) { run.hidden = false; setOpen(run, true); }
    const row = target.closest("article.row");
    if (row) { row.hidden = false; current(row); }
  }
  window.addEventListener("hashchange", () => reveal(location.hash.slice(1)));
  for (const link of document.querySelectorAll("a.moved-from")) {
    link.addEventListener("click", () => reveal(link.getAttribute("href").slice(1)));
  }

  // Search: highlight a term in both texts.
  function clearMarks() {
    for (const mark of document.querySelectorAll("main mark")) {
      const parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    }
  }
  let openedBySearch = []; // runs a search opened, closed again when the search changes
  function search() {
    clearMarks();
    for (const run of openedBySearch) if (!filters.identical.checked) setOpen(run, false);
    openedBySearch = [];
    const term = filters.search.value.trim();
    let hits = 0;
    if (term) {
      for (const cell of document.querySelectorAll("main .text")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        const nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        for (const node of nodes) {
          let at = node.data.indexOf(term);
          let rest = node;
          while (at >= 0) {
            const match = rest.splitText(at);
            rest = match.splitText(term.length);
            const mark = document.createElement("mark");
            match.parentNode.replaceChild(mark, match);
            mark.appendChild(match);
            hits++;
            at = rest.data.indexOf(term);
          }
        }
      }
      for (const run of runs) {
        if (run.querySelector("mark") && !run.classList.contains("open")) {
          setOpen(run, true);
          openedBySearch.push(run);
        }
      }
    }
    $("f-hits").textContent = term ? hits + " found" : "";
  }
  filters.search.addEventListener("input", search);

  // Next / previous change: buttons, and n/j, p/k.
  let currentRow = null;
  function current(row) {
    if (currentRow) currentRow.classList.remove("current");
    currentRow = row;
    row.classList.add("current");
    row.scrollIntoView({ block: "center" });
  }
  function step(direction) {
    const changes = rows.filter((r) => r.classList.contains("change") && !r.hidden);
    if (changes.length === 0) return;
    let index = currentRow ? changes.indexOf(currentRow) : -1;
    index = index < 0 ? (direction > 0 ? 0 : changes.length - 1) : Math.min(changes.length - 1, Math.max(0, index + direction));
    current(changes[index]);
  }
  $("next").addEventListener("click", () => step(1));
  $("prev").addEventListener("click", () => step(-1));
  document.addEventListener("keydown", (event) => {
    const typing = event.target instanceof Element && event.target.closest("input, select, textarea");
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "n" || event.key === "j") { step(1); event.preventDefault(); }
    if (event.key === "p" || event.key === "k") { step(-1); event.preventDefault(); }
  });

  apply();
  if (location.hash) reveal(location.hash.slice(1));
})();
