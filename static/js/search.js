/* jisr offline search.
 *
 * A classic script (no modules, no fetch), so it works from file://. It
 * shows the search form that the page renders hidden (without JavaScript
 * the form stays hidden and every link still works), loads the index
 * js/search-index.js with a <script> tag on first use, and lists the
 * matches. The index is made by generator/search, which also documents
 * the matching: the folding table and the affix lists come from the Go
 * package generator/arabic, so the rules have one definition.
 *
 * Every text from the index is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{Nd}\p{Mn}\u0640]+/gu;
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

  function fold(ix, s) {
    var out = "";
    for (var ch of s) {
      var r = ix.fold[ch];
      out += r === undefined ? ch : r;
    }
    return out.toLowerCase();
  }

  function words(ix, q) {
    return (fold(ix, q).match(WORD) || []).filter(function (w) { return w.length > 1; });
  }

  // candidates returns the word and the word with the indexed affixes
  // removed, longest first.
  function candidates(ix, w) {
    var out = [w];
    if (!ARABIC.test(w)) return out;
    var pre = [""].concat(ix.pre), suf = [""].concat(ix.suf), seen = {};
    seen[w] = true;
    pre.forEach(function (p) {
      if (w.indexOf(p) !== 0) return;
      suf.forEach(function (s) {
        if (s && w.slice(-s.length) !== s) return;
        var c = w.slice(p.length, w.length - s.length);
        if (c.length >= 2 && !seen[c]) { seen[c] = true; out.push(c); }
      });
    });
    return out.sort(function (a, b) { return b.length - a.length; });
  }

  // terms decodes the front-coded term list of the index once (see
  // generator/search for the format).
  function terms(ix) {
    if (typeof ix.terms !== "string") return ix.terms;
    var out = [], prev = "";
    ix.terms.split(" ").forEach(function (e) {
      prev = prev.slice(0, e.charCodeAt(0) - 48) + e.slice(1);
      out.push(prev);
    });
    ix.terms = out;
    return out;
  }

  function lowerBound(a, x) {
    var lo = 0, hi = a.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (a[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function postings(ix, t) {
    var out = [], last = 0;
    ix.post[t].split(",").forEach(function (d) { last += parseInt(d, 36); out.push(last); });
    return out;
  }

  // match returns the doc numbers that match every word of q, best first.
  // lang orders the pages of that language first among equals.
  function match(ix, q, lang) {
    var ws = words(ix, q), score = null;
    terms(ix);
    var stop = {};
    ix.stop.forEach(function (s) { stop[s] = true; });
    for (var i = 0; i < ws.length; i++) {
      var cs = candidates(ix, ws[i]), got = {}, any = false, skip = false;
      cs.forEach(function (c, ci) {
        if (stop[c]) { skip = true; return; }
        var k = lowerBound(ix.terms, c);
        for (var t = k; t < ix.terms.length && ix.terms[t].indexOf(c) === 0; t++) {
          var exact = ix.terms[t] === c;
          if (!exact && c.length < ix.minPrefix) break;
          var w = exact ? (ci === 0 ? 3 : 2) : 1;
          postings(ix, t).forEach(function (d) { if (!(got[d] >= w)) got[d] = w; any = true; });
        }
      });
      if (!any && skip) continue; // a word nearly every page has
      if (score === null) {
        score = got;
      } else {
        var next = {};
        for (var d in score) if (got[d]) next[d] = score[d] + got[d];
        score = next;
      }
    }
    if (score === null) return [];
    var ids = Object.keys(score).map(Number);
    var fq = fold(ix, q).trim().split(/\s+/).join(" ");
    ids.forEach(function (d) {
      if (fq && fold(ix, ix.docs[d][3]).indexOf(fq) >= 0) score[d] += 2;
      if (fq && ix.docs[d][5] && ("|" + ix.docs[d][5] + "|").indexOf("|" + fq + "|") >= 0) score[d] += 4;
      if (ix.docs[d][0] !== "article") score[d] += 1;
    });
    ids.sort(function (a, b) {
      if (score[b] !== score[a]) return score[b] - score[a];
      var la = ix.docs[a][1] === lang ? 0 : 1, lb = ix.docs[b][1] === lang ? 0 : 1;
      if (la !== lb) return la - lb;
      return a - b;
    });
    return ids;
  }

  var api = { fold: fold, words: words, candidates: candidates, match: match };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  window.JISR = window.JISR || {};
  window.JISR.search = api;

  var me = document.currentScript;
  var root = me ? me.src.replace(/js\/search\.js(\?.*)?$/, "") : "";

  function load(done) {
    if (window.JISR_SEARCH) return done(window.JISR_SEARCH);
    var s = document.createElement("script");
    s.src = root + "js/search-index.js";
    s.onload = function () { done(window.JISR_SEARCH); };
    s.onerror = function () { done(null); };
    document.head.appendChild(s);
  }

  // date writes an ISO date (2015-09-27) as the page writes dates, with
  // the month names of the page's language: "27 سبتمبر 2015".
  function date(form, iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso), months = (form.dataset.months || "").split("|");
    if (!m || months.length !== 12) return "";
    return +m[3] + " " + months[+m[2] - 1] + " " + m[1];
  }

  function show(form, out, q) {
    var lang = document.documentElement.lang;
    load(function (ix) {
      out.textContent = "";
      out.hidden = false;
      var h = document.createElement("h2");
      out.appendChild(h);
      if (!ix) { h.textContent = form.dataset.error; return; }
      var ids = match(ix, q, lang).slice(0, 50);
      // The query is text: split/join, not a replacement pattern.
      h.textContent = (ids.length ? form.dataset.results.replace("%d", ids.length) : form.dataset.none).split("%s").join(q);
      var ol = document.createElement("ol");
      ol.className = "search-list";
      ids.forEach(function (d) {
        var doc = ix.docs[d];
        var li = document.createElement("li");
        li.className = "result result-" + doc[0];
        li.lang = doc[1];
        li.dir = doc[1] === "ar" ? "rtl" : "ltr";
        var a = document.createElement("a");
        a.href = root + doc[2];
        a.textContent = doc[3];
        li.appendChild(a);
        var m = document.createElement("span");
        m.className = "meta";
        var meta = doc[4] && (form.dataset["type" + doc[4].toLowerCase()] || date(form, doc[4]) || doc[4]);
        var other = doc[1] !== lang ? form.dataset["lang" + doc[1]] : "";
        m.textContent = [form.dataset["kind" + doc[0]], meta, other].filter(Boolean).join(" · ");
        li.appendChild(m);
        ol.appendChild(li);
      });
      out.appendChild(ol);
      out.focus();
    });
  }

  function init() {
    var form = document.querySelector("form.search");
    var out = document.getElementById("search-results");
    if (!form || !out) return;
    form.hidden = false;
    var input = form.querySelector("input[type=search]");
    input.addEventListener("focus", function () { load(function () {}); }, { once: true });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = input.value.trim();
      if (q) show(form, out, q);
    });
    var m = /[?&]q=([^&#]*)/.exec(location.search);
    if (m) {
      input.value = decodeURIComponent(m[1].replace(/\+/g, " "));
      show(form, out, input.value);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
