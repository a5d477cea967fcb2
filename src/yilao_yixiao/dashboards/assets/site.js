// The static site's behaviour, offline and from file://: language toggle, charts, site-wide search, the
// explorer (filters, search, sort, URL state, CSV of the view) and "cite this". Nothing is fetched.
(function () {
  "use strict";
  var STORAGE_KEY = "yyx-dashboards-lang";
  var LANGS = ["zh", "en"];
  var PLOTLY_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  var MAX_SEARCH_RESULTS = 12;
  var LAZY_MARGIN_PX = 300;
  var charts = [];

  function root() {
    return document.body.getAttribute("data-root") || "";
  }

  function savedLang() {
    try {
      var lang = window.localStorage.getItem(STORAGE_KEY);
      return LANGS.indexOf(lang) >= 0 ? lang : null;
    } catch (err) {
      return null; // storage can be disabled for file:// pages; the toggle still works for this page
    }
  }

  // A click on a point opens its sentence in the document page (the trace's meta lists one link per point).
  function linkPoints(element) {
    if (element.yyxLinked) {
      return;
    }
    element.yyxLinked = true;
    element.on("plotly_click", function (event) {
      var point = event.points[0];
      var hrefs = point && point.data.meta && point.data.meta.hrefs;
      if (hrefs && hrefs[point.pointIndex]) {
        window.location.href = root() + hrefs[point.pointIndex];
      }
    });
  }

  function drawChart(chart, lang) {
    var figure = chart.spec[lang];
    chart.drawnLang = lang;
    return window.Plotly.react(chart.element, figure.data, figure.layout, PLOTLY_CONFIG).then(linkPoints);
  }

  function currentLang() {
    return document.documentElement.getAttribute("data-lang") === "en" ? "en" : "zh";
  }

  // A chart is drawn when it comes into view: the page is interactive once the charts on the first screen are
  // drawn; the observer draws the others as they come within LAZY_MARGIN_PX of the screen (at once for those
  // just below it), so plotly's work for a page of twenty charts is spread over the reader's scrolling.
  var observer = null;
  function isInView(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  function drawCharts(lang) {
    if (!window.Plotly) {
      return Promise.resolve();
    }
    return Promise.all(charts.map(function (chart) {
      if (chart.drawnLang !== undefined || isInView(chart.element)) {
        return drawChart(chart, lang);
      }
      return Promise.resolve();
    }));
  }

  function watchUndrawnCharts() {
    if (!window.Plotly || !("IntersectionObserver" in window)) {
      return;
    }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var chart = entry.target.yyxChart;
        if (entry.isIntersecting && chart.drawnLang !== currentLang()) {
          drawChart(chart, currentLang());
        }
      });
    }, { rootMargin: LAZY_MARGIN_PX + "px 0px" });
    charts.forEach(function (chart) { observer.observe(chart.element); });
  }

  // Draw every chart now (printing, and tests that count every point of a page).
  window.yyxDrawAllCharts = function () {
    if (!window.Plotly) {
      return Promise.resolve();
    }
    return Promise.all(charts.map(function (chart) {
      return chart.drawnLang === currentLang() ? Promise.resolve() : drawChart(chart, currentLang());
    }));
  };
  window.addEventListener("beforeprint", function () { window.yyxDrawAllCharts(); });

  function setLang(lang) {
    var rootElement = document.documentElement;
    rootElement.setAttribute("data-lang", lang);
    rootElement.setAttribute("lang", lang === "zh" ? "zh-Hans" : "en");
    document.body.setAttribute("data-charts-ready", "false");
    document.querySelectorAll("[data-set-lang]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-set-lang") === lang));
    });
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch (err) { /* see savedLang */ }
    return drawCharts(lang).then(function () {
      // When the page first became usable (charts drawn, explorer wired): bench/site.py reads it.
      if (window.yyxInteractiveAt === undefined) {
        window.yyxInteractiveAt = window.performance.now();
      }
      document.body.setAttribute("data-charts-ready", "true");
      document.body.setAttribute("data-charts-lang", lang);
    });
  }

  // ---- site-wide search: a substring match on the index (no word segmentation needed for Chinese) ----
  function searchIndex(query) {
    var needle = query.trim().toLowerCase();
    if (!needle || !window.YYX_SEARCH_INDEX) {
      return [];
    }
    var words = needle.split(/\s+/);
    return window.YYX_SEARCH_INDEX.filter(function (entry) {
      return words.every(function (word) { return entry.s.indexOf(word) >= 0; });
    });
  }

  // The index grows with the collection of plans and is only needed once the reader searches: it is loaded
  // when the search box is first focused or typed in, not with every page.
  var indexRequested = false;
  function loadIndex(input, then) {
    if (window.YYX_SEARCH_INDEX) {
      then();
      return;
    }
    if (!indexRequested) {
      indexRequested = true;
      var script = document.createElement("script");
      script.src = input.getAttribute("data-index");
      // Whatever was typed while the index loaded is searched once it is there.
      script.onload = function () { input.dispatchEvent(new Event("input")); };
      document.head.appendChild(script);
    }
  }

  function setUpSearch() {
    var input = document.getElementById("site-search");
    var list = document.getElementById("site-search-results");
    if (!input || !list) {
      return;
    }
    input.addEventListener("focus", function () { loadIndex(input, function () {}); });
    input.addEventListener("input", function () {
      loadIndex(input, function () { showResults(input, list); });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        input.value = "";
        list.hidden = true;
      }
    });
  }

  function showResults(input, list) {
    var found = searchIndex(input.value);
    list.textContent = "";
    found.slice(0, MAX_SEARCH_RESULTS).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = root() + entry.u;
      link.setAttribute("data-kind", entry.k);
      link.textContent = entry[currentLang()];
      item.appendChild(link);
      list.appendChild(item);
    });
    if (found.length > MAX_SEARCH_RESULTS) {
      var more = document.createElement("li");
      more.className = "muted";
      more.textContent = "+" + (found.length - MAX_SEARCH_RESULTS);
      list.appendChild(more);
    }
    list.hidden = input.value.trim() === "";
    list.setAttribute("data-results", String(found.length));
  }

  // ---- cite this: copy the figure's one-line citation ----
  function setUpCitations() {
    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.cite") : null;
      if (!button) {
        return;
      }
      var text = button.getAttribute("data-cite");
      var done = function () { button.setAttribute("data-copied", "true"); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { window.prompt("", text); });
      } else {
        window.prompt("", text);
      }
    });
  }

  // ---- explorer ----
  function csvCell(value) {
    if (value === null || value === undefined) {
      return "";
    }
    var text = String(value);
    return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function setUpExplorer() {
    var form = document.getElementById("explorer");
    var table = document.getElementById("explore-table");
    if (!form || !table) {
      return;
    }
    var filters = form.getAttribute("data-filters").split(" ");
    var searchParameter = form.getAttribute("data-search");
    var searchBox = document.getElementById("explore-q");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var mart = window.YYX_EXPLORER_DATA;
    var martRows = {};
    var searchTexts = {};
    var idColumn = mart.columns.indexOf("value_id");
    var searched = form.getAttribute("data-searched-columns").split(" ").map(function (name) {
      return mart.columns.indexOf(name);
    });
    mart.rows.forEach(function (row) {
      martRows[row[idColumn]] = row;
      searchTexts[row[idColumn]] = searched.map(function (i) { return row[i] === null ? "" : String(row[i]); })
        .join(" ").toLowerCase();
    });

    function state() {
      var chosen = {};
      filters.forEach(function (name) {
        var select = form.querySelector("[data-filter='" + name + "']");
        if (select.value) {
          chosen[name] = select.value;
        }
      });
      return { filters: chosen, q: searchBox.value.trim() };
    }

    function apply(view) {
      var words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var match = Object.keys(view.filters).every(function (name) {
          return row.getAttribute("data-" + name) === view.filters[name];
        }) && words.every(function (word) {
          return searchTexts[row.getAttribute("data-value-id")].indexOf(word) >= 0;
        });
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      document.getElementById("explore-count").textContent = String(shown);
      table.setAttribute("data-shown", String(shown));
    }

    function writeUrl(view) {
      var params = new URLSearchParams();
      filters.forEach(function (name) {
        if (view.filters[name]) {
          params.set(name, view.filters[name]);
        }
      });
      if (view.q) {
        params.set(searchParameter, view.q);
      }
      var query = params.toString();
      try {
        window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
      } catch (err) { /* some browsers refuse history on file://; the view still applies */ }
    }

    function update() {
      var view = state();
      apply(view);
      writeUrl(view);
    }

    // Open the view the URL names; an unknown value selects nothing and matches no row, as a link promised.
    var params = new URLSearchParams(window.location.search);
    filters.forEach(function (name) {
      var select = form.querySelector("[data-filter='" + name + "']");
      var wanted = params.get(name);
      if (wanted) {
        if (!Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
          var option = document.createElement("option");
          option.value = wanted;
          option.textContent = wanted;
          select.appendChild(option);
        }
        select.value = wanted;
      }
    });
    searchBox.value = params.get(searchParameter) || "";
    apply(state());

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("explore-reset").addEventListener("click", function () {
      form.querySelectorAll("select").forEach(function (select) { select.value = ""; });
      searchBox.value = "";
      update();
    });

    // The CSV holds the mart's own columns of the rows on screen, in their on-screen order.
    window.yyxExplorerCsv = function () {
      var lines = [mart.columns.map(csvCell).join(",")];
      rows.forEach(function (row) {
        if (!row.hidden) {
          lines.push(martRows[row.getAttribute("data-value-id")].map(csvCell).join(","));
        }
      });
      return lines.join("\r\n") + "\r\n";
    };
    document.getElementById("explore-csv").addEventListener("click", function () {
      var blob = new Blob([window.yyxExplorerCsv()], { type: "text/csv;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = "fct_indicator_values_view.csv";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });

    table.querySelectorAll("[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var column = Number(button.getAttribute("data-sort"));
        var numeric = button.getAttribute("data-sort-type") === "number";
        var header = button.parentElement;
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (th) { th.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var key = function (row) {
          var value = row.cells[column].getAttribute("data-sort-value");
          return numeric ? (value === "" ? null : Number(value)) : value;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === y) { return 0; }
          if (x === null) { return 1; } // missing values last, either direction
          if (y === null) { return -1; }
          return (x < y ? -1 : 1) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    document.body.setAttribute("data-explorer-ready", "true");
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-figure"));
      var chart = { element: element, spec: JSON.parse(source.textContent) };
      element.yyxChart = chart;
      charts.push(chart);
    });
    document.querySelectorAll("[data-set-lang]").forEach(function (button) {
      button.addEventListener("click", function () { setLang(button.getAttribute("data-set-lang")); });
    });
    setUpSearch();
    setUpCitations();
    setUpExplorer();
    setLang(savedLang() || "zh").then(watchUndrawnCharts);
  });
})();
