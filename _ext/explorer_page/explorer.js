/* "Explore the record": search, filters, sorting, a shareable link, an address for every unit and a
   CSV download over the book's units, on top of DataTables (installed from npm, copied into the site
   at build time, as this file is, by _ext/explorer.py).
   The record is `window.safetybookRecord`, written from data/ by _ext/explorer_record.py and packed
   (units as lists in the order of `fields`, sources by position); it is unpacked here. The filter
   state lives in the page's query string, so a link restores the view, and `?unit=<id>` opens one
   unit with its steps and sources. Nothing is loaded from elsewhere. */
(function () {
  "use strict";

  var packed = window.safetybookRecord;
  var root = document.getElementById("explorer");
  if (!packed || !root || typeof window.DataTable === "undefined") {
    return;
  }
  var words = packed.words;
  var sources = packed.sources; // [publisher, date in words, address, kind (position), official (0 or 1)]
  // The filters in the folding panel (the search box and the sort order are not counted as filters).
  var FILTERS = ["platform", "theme", "kind", "jurisdiction", "type", "concern", "from", "to", "official", "unit"];
  var FIELDS = ["q"].concat(FILTERS, ["sort"]);
  var SORT_NAMES = ["date", "jurisdiction", "platform", "type", "concern"];
  var SORTS = {};
  SORT_NAMES.forEach(function (name, column) {
    SORTS[name + "-asc"] = [column, "asc"];
    SORTS[name + "-desc"] = [column, "desc"];
  });
  var DEFAULT_SORT = "date-asc";
  var PAGE = window.location.pathname.split("/").pop() || "explore.html";

  function $(id) { return document.getElementById("explorer-" + id); }

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // -- the record, unpacked ------------------------------------------------------------------------

  function unpack(row) {
    var u = {};
    packed.fields.forEach(function (name, i) { u[name] = row[i]; });
    u.year = Number(u.sort.slice(0, 4));
    u.steps = u.steps.map(function (s) {
      // A step's description and actor are left out of the record where they repeat the unit's.
      return { id: s[0], date: s[1], step: words.step[s[2]], type: s[3], text: s[4], source: s[5],
        amount: s[6], who: s[7] || u.who };
    });
    u.stepIds = u.steps.map(function (s) { return s.id; });
    u.search = [u.id, u.text, u.who, u.what, u.find, u.place, u.applies, words.platform[u.platform],
      words.theme[u.theme], words.kind[u.kind], words.concern[u.concern]]
      .concat(u.types.map(function (t) { return words.type[t]; }))
      .concat(u.steps.map(function (s) { return [s.id, s.text, s.who, s.step, s.amount].join(" "); }))
      .concat(u.sources.map(function (i) { return sources[i][0]; }))
      .join(" ");
    return u;
  }

  var units = packed.units.map(unpack);

  function dates(u) { return u.end ? u.date + " to " + u.end : u.date; }
  function typeWord(u) { return words.type[u.type]; }
  function kindLine(u) { return words.kind[u.kind] + (u.direction ? ", " + u.direction.toLowerCase() : ""); }
  function address(id) { return PAGE + "?unit=" + encodeURIComponent(id); }

  function sourceHtml(i) {
    var s = sources[i];
    var text = esc(s[0] + ", " + s[1]);
    var linked = s[2] ? '<a href="' + esc(s[2]) + '">' + text + "</a>" : text;
    return linked + ", " + esc(words.sourceKind[s[3]]);
  }

  function sourceText(i) {
    var s = sources[i];
    return s[0] + ", " + s[1] + " (" + words.sourceKind[s[3]] + ")" + (s[2] ? " " + s[2] : "");
  }

  // "Investigation → fine EUR 530 million, 2025": the first step's type, then what it became.
  function whatHtml(u) {
    var parts = u.what.split(" → ");
    return esc(parts[0]) + (parts[1] ? ' <span class="explorer-outcome">→ ' + esc(parts[1]) + "</span>" : "");
  }

  function detailsHtml(u) {
    var parts = ['<details class="explorer-more"><summary>Steps and sources (',
      u.steps.length + (u.steps.length === 1 ? " step, " : " steps, "),
      u.sources.length + (u.sources.length === 1 ? " source" : " sources"),
      u.conflicts.length ? ", " + u.conflicts.length + " conflicting" : "", ")</summary>"];
    parts.push('<p class="explorer-label">Steps</p><ol class="explorer-steps">');
    u.steps.forEach(function (s) {
      // The first step is the row itself: its description is not repeated.
      var text = s.text ? ": " + esc(s.text) : "";
      var type = s.type !== u.type || s.amount ? " (" + esc(words.type[s.type]) + (s.amount ? ", " + esc(s.amount) : "") + ")" : "";
      parts.push("<li><span class=\"explorer-date\">" + esc(s.date) + "</span> " + esc(s.step) + type + text +
        " <span class=\"explorer-source\">Source: " + sourceHtml(s.source) + ".</span></li>");
    });
    parts.push("</ol>");
    parts.push('<p class="explorer-label">Sources</p><ul class="explorer-sources">');
    u.sources.forEach(function (i) { parts.push("<li>" + sourceHtml(i) + "</li>"); });
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
      ". Whose record: " + esc(words.platform[u.platform]) +
      ". Who acted: " + esc(u.who || "not recorded") +
      ". Official source: " + (u.official ? "yes" : "no") + ".</p></details>");
    return parts.join("");
  }

  var columns = [
    {
      data: "sort",
      type: "string",
      render: function (value, type, u) {
        if (type === "display") {
          var shown = '<span class="explorer-date">' + esc(u.date) + "</span>" +
            (u.end ? ' to <span class="explorer-date">' + esc(u.end) + "</span>" : "");
          return '<span class="explorer-dates">' + shown + '</span><a class="explorer-id" href="' +
            esc(address(u.id)) + '">Unit ' + esc(u.id) + "</a>";
        }
        return type === "sort" || type === "type" ? value : dates(u) + " " + u.id;
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
      data: "platform",
      render: function (value, type) { return type === "display" ? esc(words.platform[value]) : words.platform[value]; }
    },
    {
      data: "type",
      render: function (value, type, u) {
        if (type === "display") {
          return whatHtml(u) + '<span class="explorer-sub">' + esc(kindLine(u)) + "</span>";
        }
        return type === "sort" || type === "type" ? typeWord(u) : u.what + " " + kindLine(u);
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
        return u.search;
      }
    }
  ];

  // -- the filter state: read from the controls, written to and read from the query string --------

  function readControls() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = $(name).value.trim(); });
    state.unit = state.unit.toLowerCase();
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
    if (state.unit && u.id !== state.unit && u.stepIds.indexOf(state.unit) < 0) { return false; }
    if (state.platform && u.platform !== state.platform) { return false; }
    if (state.theme && u.theme !== state.theme) { return false; }
    if (state.kind && u.kind !== state.kind) { return false; }
    // A unit is of a type when any of its steps is: an investigation that ended in a fine is a fine too.
    if (state.type && u.types.indexOf(state.type) < 0) { return false; }
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

  function present(key, many) {
    var seen = {};
    units.forEach(function (u) {
      (many ? u[many] : [u[key]]).forEach(function (code) { seen[code] = true; });
    });
    return Object.keys(words[key]).filter(function (code) { return seen[code]; })
      .map(function (code) { return [code, words[key][code]]; })
      .sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  fill($("platform"), Object.keys(words.platform).map(function (k) { return [k, words.platform[k]]; }));
  fill($("theme"), Object.keys(words.theme).map(function (k) { return [k, words.theme[k]]; }));
  fill($("kind"), Object.keys(words.kind).map(function (k) { return [k, words.kind[k] + "s"]; }));
  fill($("type"), present("type", "types"));
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
  // The filters fold away on a phone, so the rows come first; on a wide screen they start open,
  // unless the address asks for one unit, which then comes first at any width.
  $("panel").open = !state.unit && window.matchMedia("(min-width: 48rem)").matches;

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

  // One unit asked for by its address (or by one of its steps' ids): its steps and sources open.
  function openAskedUnit() {
    if (!state.unit) { return; }
    table.rows({ search: "applied" }).nodes().toArray().forEach(function (row) {
      var more = row.querySelector("details.explorer-more");
      if (more) { more.open = true; }
    });
  }

  var lastStatus = "";
  function report() {
    var n = table.rows({ search: "applied" }).count();
    var text = "Showing " + n + " of " + units.length + " units";
    if (state.unit) {
      var found = filtered()[0];
      text += found ? (found.id === state.unit ? ": unit " + found.id : ": unit " + found.id + ", which has the step " + state.unit)
        : ": no unit or step has the id " + state.unit;
    }
    if (text !== lastStatus) {
      $("status").textContent = text;
      lastStatus = text;
    }
    var active = FILTERS.filter(function (name) { return state[name]; }).length;
    $("active").textContent = active ? "(" + active + " active)" : "(none active)";
    var query = toQuery(state);
    var link = $("link");
    link.setAttribute("href", query || PAGE);
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
    openAskedUnit();
    report();
  }

  table.search(state.q);
  table.draw();
  openAskedUnit();
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

  var here = window.location.href.split(/[?#]/)[0];
  var CSV_COLUMNS = [
    ["unit_id", function (u) { return u.id; }],
    ["address", function (u) { return here + "?unit=" + encodeURIComponent(u.id); }],
    ["platform", function (u) { return words.platform[u.platform]; }],
    ["unit", function (u) { return words.kind[u.kind]; }],
    ["theme", function (u) { return words.theme[u.theme]; }],
    ["date", function (u) { return u.date; }],
    ["last_step_date", function (u) { return u.end; }],
    ["jurisdiction", function (u) { return u.place; }],
    ["applies_in", function (u) { return u.applies; }],
    ["type", function (u) { return typeWord(u); }],
    ["what_happened", function (u) { return u.what; }],
    ["step_types", function (u) { return u.types.map(function (t) { return words.type[t]; }).join(" | "); }],
    ["amounts", function (u) {
      return u.steps.filter(function (s) { return s.amount; })
        .map(function (s) { return s.amount + " (" + s.date + ")"; }).join(" | ");
    }],
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
    a.download = "tiktok-safety-record" + (state.unit ? "-" + state.unit : toQuery(state) ? "-filtered" : "") + ".csv";
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  root.classList.add("explorer-ready");
})();
