(function () {
  'use strict';
  // Event data arrives as JSON text and goes into the page only through textContent.
  const data = JSON.parse(document.getElementById('event-data').textContent);
  const columns = data.columns;
  const rows = data.rows;
  const cap = data.cap;
  const table = document.getElementById('event-table');
  const tbody = table.tBodies[0];
  const headers = Array.from(table.tHead.rows[0].cells);
  const search = document.getElementById('event-search');
  const status = document.getElementById('event-status');
  const MISSING = '-';

  function shown(value) {
    if (value === null || value === undefined) return MISSING;
    // Scores are 0-100: two decimals line up in the column; sorting and CSV use the exact value.
    if (typeof value === 'number') return value.toFixed(2);
    return String(value);
  }

  const displayed = rows.map(function (row) { return row.map(shown); });
  const haystacks = displayed.map(function (cells) { return cells.join('\u0000').toLowerCase(); });
  const state = { query: '', column: -1, ascending: true };

  function compare(column, ascending) {
    const numeric = columns[column].numeric;
    return function (a, b) {
      const x = rows[a][column];
      const y = rows[b][column];
      const xMissing = x === null || x === undefined;
      const yMissing = y === null || y === undefined;
      // Missing values ("-") sort last in either direction.
      if (xMissing || yMissing) return xMissing === yMissing ? a - b : (xMissing ? 1 : -1);
      let order;
      if (numeric) order = x - y;
      else order = x < y ? -1 : (x > y ? 1 : 0);
      return order === 0 ? a - b : (ascending ? order : -order);
    };
  }

  function currentRows() {
    const query = state.query.toLowerCase();
    const matching = [];
    for (let i = 0; i < rows.length; i++) {
      if (query === '' || haystacks[i].indexOf(query) >= 0) matching.push(i);
    }
    if (state.column >= 0) matching.sort(compare(state.column, state.ascending));
    return matching;
  }

  function render() {
    const matching = currentRows();
    const fragment = document.createDocumentFragment();
    const limit = Math.min(matching.length, cap);
    for (let r = 0; r < limit; r++) {
      const tr = document.createElement('tr');
      const cells = displayed[matching[r]];
      for (let c = 0; c < cells.length; c++) {
        const td = document.createElement('td');
        if (columns[c].numeric) td.className = 'num';
        td.textContent = cells[c];
        tr.appendChild(td);
      }
      fragment.appendChild(tr);
    }
    tbody.replaceChildren(fragment);
    let text = matching.length + ' of ' + rows.length + ' events match';
    if (matching.length > cap) text += '; showing the first ' + cap.toLocaleString('en-US');
    status.textContent = text;
    headers.forEach(function (th, c) {
      const sorted = c === state.column;
      th.setAttribute('aria-sort', sorted ? (state.ascending ? 'ascending' : 'descending') : 'none');
      th.querySelector('.sort-indicator').textContent = sorted ? (state.ascending ? '▲' : '▼') : '';
    });
  }

  function sortBy(column) {
    if (state.column === column) {
      state.ascending = !state.ascending;
    } else {
      state.column = column;
      state.ascending = true;
    }
    render();
  }

  // RFC 4180: CRLF record ends; quote a field holding a comma, quote, CR or LF. A text starting
  // with = + - @, a tab or a CR gets a leading apostrophe so a spreadsheet shows it instead of
  // running it as a formula (as Csv.java does for scores.csv.gz); numbers stay as they are.
  function csvField(value) {
    if (value === null || value === undefined) return '';
    let text = String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) {
      text = "'" + text;
    }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv() {
    const lines = [columns.map(function (c) { return csvField(c.key); }).join(',')];
    currentRows().forEach(function (i) { lines.push(rows[i].map(csvField).join(',')); });
    const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'scores-filtered.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  headers.forEach(function (th, c) {
    th.addEventListener('click', function () { sortBy(c); });
    th.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sortBy(c); }
    });
  });
  search.addEventListener('input', function () { state.query = search.value; render(); });
  document.getElementById('download-csv').addEventListener('click', downloadCsv);
  render();
})();
