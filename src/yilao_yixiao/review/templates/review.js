// Review page: decisions live in the rows' data-review-status; the download is built from the embedded data.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("review-data").textContent);
  const byKey = new Map(data.proposals.map((p) => [p.key, p.row]));
  const rows = Array.from(document.querySelectorAll("tr[data-key]"));
  const fields = data.editable;

  function marksOf(key) {
    return document.querySelectorAll('mark[data-value-id="' + CSS.escape(key) + '"]');
  }

  function fieldValues(row) {
    const values = {};
    for (const name of fields) {
      const input = row.querySelector('[name="' + name + '"]');
      if (input) values[name] = input.value.trim();
    }
    return values;
  }

  function changed(row) {
    const original = byKey.get(row.dataset.key);
    const values = fieldValues(row);
    return fields.some((name) => name in values && values[name] !== (original[name] || "").trim());
  }

  function setStatus(row, status) {
    row.dataset.reviewStatus = status;
    row.querySelector(".rv-status").textContent = status;
    for (const mark of marksOf(row.dataset.key)) mark.dataset.reviewStatus = status;
    updateCounts();
  }

  function setEditable(row, editable) {
    for (const input of row.querySelectorAll("input, select")) input.disabled = !editable;
  }

  function decide(row, action) {
    if (action === "edit") {
      // Editing reopens the row; Accept records it as edited (or accepted if nothing changed).
      setEditable(row, true);
      setStatus(row, "");
      row.querySelector(".rv-status").textContent = "editing: press Accept";
      row.querySelector('[name="value"]').focus();
      return;
    }
    if (action === "reject") {
      setEditable(row, false);
      setStatus(row, "rejected");
      return;
    }
    // A row cannot be accepted while a column the seeds require is empty: open it for editing instead.
    const missing = data.required.filter((name) => !fieldValues(row)[name]);
    for (const name of data.required) {
      row.querySelector('[name="' + name + '"]').classList.toggle("rv-missing", missing.includes(name));
    }
    if (missing.length) {
      setEditable(row, true);
      row.querySelector('[name="' + missing[0] + '"]').focus();
      return;
    }
    setEditable(row, false);
    setStatus(row, changed(row) ? "edited" : "accepted");
  }

  function updateCounts() {
    const counts = { accepted: 0, edited: 0, rejected: 0, "": 0 };
    for (const row of rows) counts[row.dataset.reviewStatus || ""] += 1;
    document.getElementById("review-counts").textContent =
      counts.accepted + " accepted, " + counts.edited + " edited, " + counts.rejected + " rejected, " +
      counts[""] + " to review";
  }

  function csvCell(value) {
    const text = value == null ? "" : String(value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function reviewedCsv() {
    const lines = [data.columns.map(csvCell).join(",")];
    for (const row of rows) {
      const record = Object.assign({}, byKey.get(row.dataset.key));
      const status = row.dataset.reviewStatus || "";
      if (status === "edited") Object.assign(record, fieldValues(row));
      record.review_status = status;
      lines.push(data.columns.map((column) => csvCell(record[column])).join(","));
    }
    return lines.join("\n") + "\n";
  }

  function download() {
    const blob = new Blob([reviewedCsv()], { type: "text/csv;charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = data.download_name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  function showRow(key) {
    const row = document.getElementById("row-" + key);
    if (!row) return;
    for (const current of document.querySelectorAll("tr.rv-current")) current.classList.remove("rv-current");
    row.classList.add("rv-current");
    row.scrollIntoView({ block: "center", inline: "nearest" });
  }

  for (const row of rows) {
    if (row.dataset.reviewStatus) setStatus(row, row.dataset.reviewStatus);
    for (const button of row.querySelectorAll("button[data-action]")) {
      button.addEventListener("click", () => decide(row, button.dataset.action));
    }
  }
  for (const mark of document.querySelectorAll("mark.yv-proposal")) {
    mark.addEventListener("click", () => showRow(mark.dataset.valueId));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter") showRow(mark.dataset.valueId);
    });
  }
  document.getElementById("accept-remaining").addEventListener("click", () => {
    for (const row of rows) {
      const complete = data.required.every((name) => fieldValues(row)[name]);
      if (!row.dataset.reviewStatus && complete) decide(row, "accept");
    }
  });
  document.getElementById("download-reviewed").addEventListener("click", download);
  updateCounts();
  document.body.dataset.reviewReady = "true";
})();
