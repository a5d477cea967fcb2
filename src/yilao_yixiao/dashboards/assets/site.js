// Language toggle and chart drawing for the static dashboards: no network, works from file://.
// Each chart's figure is embedded in both languages as JSON; the toggle redraws the chosen one.
(function () {
  "use strict";
  var STORAGE_KEY = "yyx-dashboards-lang";
  var LANGS = ["zh", "en"];
  var PLOTLY_CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  var charts = [];

  function savedLang() {
    try {
      var lang = window.localStorage.getItem(STORAGE_KEY);
      return LANGS.indexOf(lang) >= 0 ? lang : null;
    } catch (err) {
      return null; // storage can be disabled for file:// pages; the toggle still works for this page
    }
  }

  function drawCharts(lang) {
    if (!window.Plotly) {
      return Promise.resolve();
    }
    return Promise.all(charts.map(function (chart) {
      var figure = chart.spec[lang];
      return window.Plotly.react(chart.element, figure.data, figure.layout, PLOTLY_CONFIG);
    }));
  }

  function setLang(lang) {
    var root = document.documentElement;
    root.setAttribute("data-lang", lang);
    root.setAttribute("lang", lang === "zh" ? "zh-Hans" : "en");
    document.body.setAttribute("data-charts-ready", "false");
    document.querySelectorAll("[data-set-lang]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-set-lang") === lang));
    });
    try {
      window.localStorage.setItem(STORAGE_KEY, lang);
    } catch (err) { /* see savedLang */ }
    return drawCharts(lang).then(function () {
      document.body.setAttribute("data-charts-ready", "true");
      document.body.setAttribute("data-charts-lang", lang);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-figure"));
      charts.push({ element: element, spec: JSON.parse(source.textContent) });
    });
    document.querySelectorAll("[data-set-lang]").forEach(function (button) {
      button.addEventListener("click", function () { setLang(button.getAttribute("data-set-lang")); });
    });
    setLang(savedLang() || "zh");
  });
})();
