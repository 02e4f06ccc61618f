/* jisr offline search.
 *
 * A classic script (no modules, no fetch), so it works from file://. It
 * shows the search form that the page renders hidden (without JavaScript
 * the form stays hidden and every link still works) and lists the
 * matches. The index is in parts, each a plain script that a <script>
 * element loads: js/search-index.js first (on first use: the folding
 * table, the affixes, the kind and language of every page and the first
 * key of every term part), then the term parts that the query's words
 * fall in (js/search-index/t<N>.js), then the metadata parts of the hits
 * shown (m<N>.js). The index is made by generator/search, which documents
 * the format and has a Go twin of this matcher that tests compare with
 * it; the folding table and the affix lists come from the Go package
 * generator/arabic, so the rules have one definition.
 *
 * Every text from the index is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{Nd}\p{Mn}\u0640]+/gu;
  var ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
  var FLAGS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var SHOWN = 50;

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

  // whole is the folded query as one string, spaces collapsed: what a
  // page's name is compared with.
  function whole(ix, q) {
    return fold(ix, q).trim().split(/\s+/).join(" ");
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
        if (p.length + s.length > w.length) return;
        var c = w.slice(p.length, w.length - s.length);
        if (c.length >= 2 && !seen[c]) { seen[c] = true; out.push(c); }
      });
    });
    return out.sort(function (a, b) { return b.length - a.length; });
  }

  // frontDecode decodes a front-coded list (see generator/search).
  function frontDecode(s) {
    var out = [], prev = "";
    if (!s) return out;
    s.split("\n").forEach(function (e) {
      prev = prev.slice(0, e.charCodeAt(0) - 48) + e.slice(1);
      out.push(prev);
    });
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

  function bounds(ix) {
    if (!ix._bounds) ix._bounds = frontDecode(ix.bounds);
    return ix._bounds;
  }

  // shard returns the term part whose range holds c.
  function shard(ix, c) {
    var b = bounds(ix), lo = 0, hi = b.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (c < b[mid]) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  // partsOf returns the term parts a lookup of c reads: its own and, for
  // a prefix, the next ones whose first key begins with c.
  function partsOf(ix, c) {
    var b = bounds(ix), i = shard(ix, c), out = [i];
    if (c.length >= ix.minPrefix) {
      for (; i < b.length && b[i].indexOf(c) === 0; i++) out.push(i + 1);
    }
    return out;
  }

  function stops(ix) {
    if (!ix._stop) {
      ix._stop = {};
      ix.stop.forEach(function (s) { ix._stop[s] = true; });
    }
    return ix._stop;
  }

  // plan returns the names of the term parts that q needs, in the order
  // a query reads them.
  function plan(ix, q) {
    var ws = words(ix, q), need = [], seen = {};
    function add(i) { var n = "t" + i; if (!seen[n]) { seen[n] = true; need.push(n); } }
    if (!ws.length) return need;
    add(shard(ix, whole(ix, q)));
    ws.forEach(function (w) {
      candidates(ix, w).forEach(function (c) {
        if (!stops(ix)[c]) partsOf(ix, c).forEach(add);
      });
    });
    return need;
  }

  // part returns term part i, decoded, from the loaded parts P.
  function part(ix, P, i) {
    ix._parts = ix._parts || {};
    if (ix._parts[i]) return ix._parts[i];
    var raw = P["t" + i], names = {};
    if (!raw) throw new Error("search part t" + i + " not loaded");
    raw.names.forEach(function (n) { names[n[0]] = n[1]; });
    return (ix._parts[i] = { terms: frontDecode(raw.terms), post: raw.post, names: names });
  }

  // postings decodes a posting list: base-36 gaps, doubled, plus one
  // where the term is in the page's title (when titled).
  function postings(s, titled, fn) {
    if (!s) return;
    var last = 0;
    s.split(",").forEach(function (f) {
      var v = parseInt(f, 36), t = false;
      if (titled) { t = v % 2 === 1; v = Math.floor(v / 2); }
      last += v;
      fn(last, t);
    });
  }

  // doc returns the kind and language of doc d.
  function doc(ix, d) {
    var codes = ix.kinds.length * ix.langs.length;
    var v = FLAGS.indexOf(ix.flags.charAt(Math.floor(d / ix.pack)));
    for (var k = 0; k < d % ix.pack; k++) v = Math.floor(v / codes);
    v %= codes;
    return [ix.kinds[Math.floor(v / ix.langs.length)], ix.langs[v % ix.langs.length]];
  }

  // match returns the doc numbers that match every word of q, best first,
  // from the term parts loaded in P (plan names them). lang orders the
  // pages of that language first among equals. Scores as generator/search
  // documents (rank).
  function match(ix, P, q, lang) {
    var ws = words(ix, q), score = null, title = null;
    if (!ws.length) return [];
    var fq = whole(ix, q), stop = stops(ix);
    for (var i = 0; i < ws.length; i++) {
      var cs = candidates(ix, ws[i]), got = {}, tit = {}, any = false, skip = false;
      cs.forEach(function (c, ci) {
        if (stop[c]) { skip = true; return; }
        partsOf(ix, c).forEach(function (pi) {
          var p = part(ix, P, pi);
          for (var t = lowerBound(p.terms, c); t < p.terms.length && p.terms[t].indexOf(c) === 0; t++) {
            var exact = p.terms[t] === c;
            if (!exact && c.length < ix.minPrefix) break;
            var w = exact ? (ci === 0 ? 3 : 2) : 1;
            postings(p.post[t], true, function (d, inTitle) {
              if (!(got[d] >= w)) got[d] = w;
              any = true;
              if (inTitle) tit[d] = true;
            });
          }
        });
      });
      if (!any && skip) continue; // a word nearly every page has
      if (score === null) {
        score = got; title = tit;
      } else {
        var next = {}, nt = {};
        for (var d in score) if (got[d]) { next[d] = score[d] + got[d]; nt[d] = title[d] && tit[d]; }
        score = next; title = nt;
      }
    }
    if (score === null) return [];
    postings(part(ix, P, shard(ix, fq)).names[fq], false, function (d) {
      if (score[d] !== undefined) score[d] += 4;
    });
    var ids = Object.keys(score).map(Number), info = {};
    ids.forEach(function (d) {
      info[d] = doc(ix, d);
      if (title[d]) score[d] += 2;
      if (info[d][0] !== "article") score[d] += 1;
    });
    ids.sort(function (a, b) {
      if (score[b] !== score[a]) return score[b] - score[a];
      var la = info[a][1] === lang ? 0 : 1, lb = info[b][1] === lang ? 0 : 1;
      if (la !== lb) return la - lb;
      return a - b;
    });
    return ids;
  }

  // metaParts returns the names of the metadata parts of docs ids.
  function metaParts(ix, ids) {
    var need = [], seen = {};
    ids.forEach(function (d) {
      var n = "m" + Math.floor(d / ix.meta);
      if (!seen[n]) { seen[n] = true; need.push(n); }
    });
    return need;
  }

  // entry returns doc d as [kind, lang, path, title, meta], from its
  // metadata part in P.
  function entry(ix, P, d) {
    var row = P["m" + Math.floor(d / ix.meta)][d % ix.meta];
    return doc(ix, d).concat(row);
  }

  var api = { fold: fold, words: words, candidates: candidates, plan: plan, match: match, metaParts: metaParts, entry: entry, shown: SHOWN };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  window.JISR = window.JISR || {};
  window.JISR.search = api;

  var me = document.currentScript;
  var root = me ? me.src.replace(/js\/search\.js(\?.*)?$/, "") : "";
  var waiting = {}; // part or first file → callbacks

  // script loads one script once; done(ok) runs when it has loaded or
  // failed.
  function script(src, loaded, done) {
    if (loaded()) return done(true);
    if (waiting[src]) { waiting[src].push(done); return; }
    waiting[src] = [done];
    var s = document.createElement("script");
    s.src = src;
    function end(ok) {
      var cbs = waiting[src];
      delete waiting[src];
      if (!ok) s.remove();
      cbs.forEach(function (cb) { cb(ok && loaded()); });
    }
    s.onload = function () { end(true); };
    s.onerror = function () { end(false); };
    document.head.appendChild(s);
  }

  function loadIndex(done) {
    script(root + "js/search-index.js", function () { return !!window.JISR_SEARCH; }, function (ok) {
      done(ok ? window.JISR_SEARCH : null);
    });
  }

  // loadParts loads the named parts, all at once; done(P) gets the
  // parts, or null when one failed.
  function loadParts(names, done) {
    var left = names.length, failed = false;
    window.JISR_SEARCH_PARTS = window.JISR_SEARCH_PARTS || {};
    if (!left) return done(window.JISR_SEARCH_PARTS);
    names.forEach(function (n) {
      script(root + "js/search-index/" + n + ".js", function () { return !!window.JISR_SEARCH_PARTS[n]; }, function (ok) {
        failed = failed || !ok;
        if (--left === 0) done(failed ? null : window.JISR_SEARCH_PARTS);
      });
    });
  }

  // date writes an ISO date (2015-09-27) as the page writes dates, with
  // the month names of the page's language: "27 سبتمبر 2015".
  function date(form, iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso), months = (form.dataset.months || "").split("|");
    if (!m || months.length !== 12) return "";
    return +m[3] + " " + months[+m[2] - 1] + " " + m[1];
  }

  var asked = 0; // the latest query; answers to earlier ones are dropped

  function show(form, out, q) {
    var lang = document.documentElement.lang, me = ++asked;
    function fail() {
      if (me !== asked) return;
      out.textContent = "";
      out.hidden = false;
      var h = document.createElement("h2");
      h.textContent = form.dataset.error;
      out.appendChild(h);
    }
    loadIndex(function (ix) {
      if (!ix) return fail();
      loadParts(plan(ix, q), function (P) {
        if (!P) return fail();
        var all = match(ix, P, q, lang), ids = all.slice(0, SHOWN);
        loadParts(metaParts(ix, ids), function (P) {
          if (!P) return fail();
          if (me !== asked) return;
          render(form, out, q, lang, all.length, ids.map(function (d) { return entry(ix, P, d); }));
        });
      });
    });
  }

  function render(form, out, q, lang, total, docs) {
    out.textContent = "";
    out.hidden = false;
    var h = document.createElement("h2");
    out.appendChild(h);
    // The query is text: split/join, not a replacement pattern.
    h.textContent = (total ? form.dataset.results.replace("%d", docs.length) : form.dataset.none).split("%s").join(q);
    var ol = document.createElement("ol");
    ol.className = "search-list";
    docs.forEach(function (doc) {
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
  }

  function init() {
    var form = document.querySelector("form.search");
    var out = document.getElementById("search-results");
    if (!form || !out) return;
    form.hidden = false;
    var input = form.querySelector("input[type=search]");
    input.addEventListener("focus", function () { loadIndex(function () {}); }, { once: true });
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
