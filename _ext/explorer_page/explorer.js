/* "Explore the record": search, filters, sorting, a shareable link and a CSV download over the
   book's units, on top of DataTables (installed from npm, copied into the site at build time, as this
   file is, by _ext/explorer.py).
   The record is `window.safetybookRecord`, written from data/ by _ext/explorer.py; the filter state
   lives in the page's query string, so a link restores the view. Nothing is loaded from elsewhere. */
(function () {
  "use strict";

  var record = window.safetybookRecord;
  var root = document.getElementById("explorer");
  if (!record || !root || typeof window.DataTable === "undefined") {
    return;
  }
  var words = record.words;
  var sources = record.sources;
  var units = record.units;
  var FIELDS = ["q", "theme", "kind", "jurisdiction", "type", "concern", "from", "to", "official", "sort"];
  var SORTS = {
    "date-asc": [0, "asc"], "date-desc": [0, "desc"],
    "jurisdiction-asc": [1, "asc"], "jurisdiction-desc": [1, "desc"],
    "type-asc": [2, "asc"], "type-desc": [2, "desc"],
    "concern-asc": [3, "asc"], "concern-desc": [3, "desc"]
  };
  var SORT_NAMES = ["date", "jurisdiction", "type", "concern"];
  var DEFAULT_SORT = "date-asc";

  function $(id) { return document.getElementById("explorer-" + id); }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function dates(u) { return u.end ? u.date + " to " + u.end : u.date; }
  function typeWord(u) { return words.type[u.type]; }
  function kindLine(u) { return words.kind[u.kind] + (u.direction ? ", " + u.direction.toLowerCase() : ""); }

  function sourceHtml(id) {
    var s = sources[id];
    var text = esc(s[0] + ", " + s[1]);
    var linked = s[2] ? '<a href="' + esc(s[2]) + '">' + text + "</a>" : text;
    return linked + ", " + esc(s[3]);
  }

  function sourceText(id) {
    var s = sources[id];
    return s[0] + ", " + s[1] + " (" + s[3] + ")" + (s[2] ? " " + s[2] : "");
  }

  function detailsHtml(u) {
    var parts = ['<details class="explorer-more"><summary>Steps and sources (',
      u.steps.length + (u.steps.length === 1 ? " step, " : " steps, "),
      u.sources.length + (u.sources.length === 1 ? " source" : " sources"),
      u.conflicts.length ? ", " + u.conflicts.length + " conflicting" : "", ")</summary>"];
    parts.push('<p class="explorer-label">Steps</p><ol class="explorer-steps">');
    u.steps.forEach(function (s) {
      // The first step is the row itself: its description is not repeated.
      var text = s[3] === u.text ? "" : ": " + esc(s[3]);
      parts.push("<li><span class=\"explorer-date\">" + esc(s[0]) + "</span> " + esc(s[1]) + text +
        " <span class=\"explorer-source\">Source: " + sourceHtml(s[4]) + ".</span></li>");
    });
    parts.push("</ol>");
    parts.push('<p class="explorer-label">Sources</p><ul class="explorer-sources">');
    u.sources.forEach(function (id) { parts.push("<li>" + sourceHtml(id) + "</li>"); });
    parts.push("</ul>");
    if (u.conflicts.length) {
      parts.push('<p class="explorer-label">Conflicting reports</p><ul class="explorer-conflicts">');
      u.conflicts.forEach(function (c) {
        parts.push("<li>" + sourceHtml(c[3]) + " dates “" + esc(c[2]) + "” " + esc(c[0]) +
          "; the record uses " + esc(c[1]) + ".</li>");
      });
      parts.push("</ul>");
    }
    parts.push('<p class="explorer-facts">Theme: ' + esc(words.theme[u.theme]) +
      ". Who acted: " + esc(u.who || "not recorded") +
      ". Official source: " + (u.official ? "yes" : "no") + ".</p></details>");
    return parts.join("");
  }

  var columns = [
    {
      data: "sort",
      type: "string",
      render: function (value, type, u) {
        if (type === "display") { return '<span class="explorer-date">' + esc(dates(u)) + "</span>"; }
        return type === "sort" || type === "type" ? value : dates(u);
      }
    },
    {
      data: "place",
      render: function (value, type, u) {
        if (type === "display") {
          return esc(value) + (u.applies ? '<span class="explorer-sub">applies in ' + esc(u.applies) + "</span>" : "");
        }
        return value + (u.applies && type !== "sort" ? " " + u.applies : "");
      }
    },
    {
      data: "type",
      render: function (value, type, u) {
        if (type === "display") {
          return esc(typeWord(u)) + '<span class="explorer-sub">' + esc(kindLine(u)) + "</span>";
        }
        return type === "sort" || type === "type" ? typeWord(u) : typeWord(u) + " " + kindLine(u);
      }
    },
    {
      data: "concern",
      render: function (value, type) { return type === "display" ? esc(words.concern[value]) : words.concern[value]; }
    },
    {
      data: "text",
      orderable: false,
      render: function (value, type, u) {
        if (type === "display") {
          var more = u.sources.length > 1 ? " and " + (u.sources.length - 1) + " more below" : "";
          return '<p class="explorer-text">' + esc(value) + '</p><p class="explorer-source">Source: ' +
            sourceHtml(u.sources[0]) + esc(more) + ".</p>" + detailsHtml(u);
        }
        return [value, u.who, words.theme[u.theme]].concat(
          u.sources.map(function (id) { return sources[id][0]; })).join(" ");
      }
    }
  ];

  // -- the filter state: read from the controls, written to and read from the query string --------

  function readControls() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = $(name).value.trim(); });
    return state;
  }

  function writeControls(state) {
    FIELDS.forEach(function (name) {
      var control = $(name);
      var value = state[name] || "";
      if (control.tagName === "SELECT" && !Array.prototype.some.call(control.options, function (o) { return o.value === value; })) {
        value = name === "sort" ? DEFAULT_SORT : "";
      }
      control.value = value;
    });
  }

  function fromQuery(query) {
    var params = new URLSearchParams(query);
    var state = {};
    FIELDS.forEach(function (name) { state[name] = params.get(name) || ""; });
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (state[name] && !(name === "sort" && state[name] === DEFAULT_SORT)) { params.set(name, state[name]); }
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function matches(u, state) {
    if (state.theme && u.theme !== state.theme) { return false; }
    if (state.kind && u.kind !== state.kind) { return false; }
    if (state.type && u.type !== state.type) { return false; }
    if (state.concern && u.concern !== state.concern) { return false; }
    if (state.from && u.year < Number(state.from)) { return false; }
    if (state.to && u.year > Number(state.to)) { return false; }
    if (state.official === "yes" && !u.official) { return false; }
    if (state.official === "no" && u.official) { return false; }
    if (state.jurisdiction) {
      var wanted = fold(state.jurisdiction);
      if (fold(u.place).indexOf(wanted) < 0 && fold(u.applies).indexOf(wanted) < 0) { return false; }
    }
    return true;
  }

  // -- the controls' options, from the record ---------------------------------------------------

  function fill(select, entries) {
    entries.forEach(function (entry) {
      var option = document.createElement("option");
      option.value = entry[0];
      option.textContent = entry[1];
      select.appendChild(option);
    });
  }

  function present(key) {
    var seen = {};
    units.forEach(function (u) { seen[u[key]] = true; });
    return Object.keys(words[key]).filter(function (code) { return seen[code]; })
      .map(function (code) { return [code, words[key][code]]; })
      .sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  fill($("theme"), Object.keys(words.theme).map(function (k) { return [k, words.theme[k]]; }));
  fill($("kind"), Object.keys(words.kind).map(function (k) { return [k, words.kind[k] + "s"]; }));
  fill($("type"), present("type"));
  fill($("concern"), present("concern"));
  var years = units.map(function (u) { return u.year; });
  var first = Math.min.apply(null, years);
  var last = Math.max.apply(null, years);
  var yearOptions = [];
  for (var y = first; y <= last; y++) { yearOptions.push([String(y), String(y)]); }
  fill($("from"), yearOptions);
  fill($("to"), yearOptions);
  var places = {};
  units.forEach(function (u) {
    places[u.place] = true;
    if (u.applies) { places[u.applies] = true; }
  });
  Object.keys(places).sort().forEach(function (name) {
    var option = document.createElement("option");
    option.value = name;
    $("places").appendChild(option);
  });

  // -- the table --------------------------------------------------------------------------------

  var state = fromQuery(window.location.search);
  writeControls(state);
  state = readControls();
  var initialSort = SORTS[state.sort] || SORTS[DEFAULT_SORT];

  var table = new window.DataTable($("table"), {
    data: units,
    rowId: function (u) { return "unit-" + u.id; },
    columns: columns,
    order: [initialSort],
    orderMulti: false,
    autoWidth: false,
    deferRender: true,
    pageLength: 25,
    lengthMenu: [10, 25, 50, 100, { label: "All", value: -1 }],
    layout: { topStart: null, topEnd: null, bottomStart: "pageLength", bottomEnd: "paging" },
    language: {
      lengthMenu: "_MENU_ units per page",
      zeroRecords: "No unit matches these filters. Clear them to see the whole record.",
      emptyTable: "The record is empty.",
      aria: {
        orderable: ": sort by this column",
        orderableReverse: ": sort in the other direction",
        orderableRemove: ": remove this sorting",
        paginate: { first: "First page", previous: "Previous page", next: "Next page", last: "Last page", number: "Page " }
      }
    }
  });

  table.search.fixed("filters", function (_text, u) { return matches(u, state); });

  function sortKey() {
    var order = table.order();
    if (!order.length) { return DEFAULT_SORT; }
    return SORT_NAMES[order[0][0]] + "-" + order[0][1];
  }

  function filtered() {
    return table.rows({ search: "applied", order: "applied" }).data().toArray();
  }

  var lastStatus = "";
  function report() {
    var n = table.rows({ search: "applied" }).count();
    var text = "Showing " + n + " of " + units.length + " units";
    if (text !== lastStatus) {
      $("status").textContent = text;
      lastStatus = text;
    }
    var query = toQuery(state);
    var link = $("link");
    link.setAttribute("href", query || window.location.pathname.split("/").pop());
    $("csv").disabled = n === 0;
    try {
      window.history.replaceState(null, "", query || window.location.pathname);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from a file; the link still works.
    }
  }

  function apply() {
    state = readControls();
    var wanted = SORTS[state.sort] || SORTS[DEFAULT_SORT];
    var current = table.order();
    if (!current.length || current[0][0] !== wanted[0] || current[0][1] !== wanted[1]) {
      table.order([wanted]);
    }
    table.search(state.q).draw();
    report();
  }

  table.search(state.q);
  table.draw();
  report();

  table.on("order", function () {
    var key = sortKey();
    if ($("sort").value !== key) {
      $("sort").value = key;
      state.sort = key;
      report();
    }
  });

  FIELDS.forEach(function (name) {
    var control = $(name);
    control.addEventListener(control.tagName === "SELECT" ? "change" : "input", apply);
  });
  $("form").addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  $("clear").addEventListener("click", function () {
    writeControls({ sort: $("sort").value });
    apply();
    $("q").focus();
  });

  // -- the CSV of the filtered rows, in their order ------------------------------------------------

  var CSV_COLUMNS = [
    ["unit_id", function (u) { return u.id; }],
    ["unit", function (u) { return words.kind[u.kind]; }],
    ["theme", function (u) { return words.theme[u.theme]; }],
    ["date", function (u) { return u.date; }],
    ["last_step_date", function (u) { return u.end; }],
    ["jurisdiction", function (u) { return u.place; }],
    ["applies_in", function (u) { return u.applies; }],
    ["type", function (u) { return typeWord(u); }],
    ["direction", function (u) { return u.direction; }],
    ["concern", function (u) { return words.concern[u.concern]; }],
    ["who_acted", function (u) { return u.who; }],
    ["description", function (u) { return u.text; }],
    ["steps", function (u) { return String(u.steps.length); }],
    ["official_source", function (u) { return u.official ? "yes" : "no"; }],
    ["sources", function (u) { return u.sources.map(sourceText).join(" | "); }]
  ];

  function csvCell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(rows) {
    var lines = [CSV_COLUMNS.map(function (c) { return c[0]; }).join(",")];
    rows.forEach(function (u) {
      lines.push(CSV_COLUMNS.map(function (c) { return csvCell(c[1](u)); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  $("csv").addEventListener("click", function () {
    var blob = new Blob([csv(filtered())], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = "tiktok-safety-record" + (toQuery(state) ? "-filtered" : "") + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  root.classList.add("explorer-ready");
})();
