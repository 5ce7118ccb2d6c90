"""report.html: a self-contained page to review a run in a browser.

The page has a summary (files, characters removed and repaired per
detector, a bar chart), a filter by detector and status, and one collapsed
entry per file.  Expanding an entry renders a side-by-side diff in which
each removed or repaired span is coloured by detector and carries its code
and reason as a tooltip.  The line alignment of that view is computed by
the page itself when an entry is opened, so writing the report costs one
JSON encoding per file, however many files nobody opens.

The writer streams: each file's data is written as soon as the file is
cleaned, as an inert JSON block that the browser parses only when that
file is expanded, and a light index row is flushed in small batches.  The
summary is written last and shown first (CSS ``order``).  Memory therefore
stays flat however many files a run has, and the page opens quickly: only
one page of file entries is in the document at a time.

No network access: CSS and JavaScript are inline, the chart is inline SVG.
"""
from __future__ import annotations

import datetime as _dt
import html
import json
from json.encoder import encode_basestring as _string
from typing import IO

from .. import __version__
from .json_report import add_detector_totals
from .sink import Sink
from ..normalize import RENORMALISED_NOTES, normalize_newlines, to_nfc

#: background colours of the detector families (unknown ones get a hashed hue)
COLOURS = {
    "markup": "#bfdbfe",
    "pinyin": "#e9d5ff",
    "mojibake": "#fecaca",
    "feed": "#fde68a",
    "placenames": "#bbf7d0",
    "boilerplate": "#fed7aa",
    "whitespace": "#e5e7eb",
}
#: stronger shades for the chart bars
BAR_COLOURS = {
    "markup": "#3b82f6",
    "pinyin": "#9333ea",
    "mojibake": "#dc2626",
    "feed": "#d97706",
    "placenames": "#16a34a",
    "boilerplate": "#ea580c",
    "whitespace": "#6b7280",
}

#: index rows are flushed to the page in batches of this many files
INDEX_BATCH = 256


def colour(detector: str, *, bar: bool = False) -> str:
    table = BAR_COLOURS if bar else COLOURS
    if detector in table:
        return table[detector]
    hue = sum(ord(c) * 31 ** i for i, c in enumerate(detector)) % 360
    return f"hsl({hue},70%,{45 if bar else 85}%)"


def _json(value) -> str:
    """JSON that is safe inside a <script> element."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def detail_payload(result, findings_json: str | None = None) -> str:
    """The per-file data the page renders when the file is expanded (JSON, script-safe):
    ``{"o": original, "c": cleaned, "f": [finding, ...]}`` with the findings as in
    report.json.  ``findings_json`` is that array's inside when the caller has
    already encoded it for report.json (it is then reused, not encoded again)."""
    original = result.original_text
    if RENORMALISED_NOTES.intersection(result.notes):
        original = _normalised(original)
    if findings_json is None:
        findings_json = ", ".join(f.to_json() for f in result.findings)
    text = f'{{"o":{_string(original)},"c":{_string(result.cleaned_text)},"f":[{findings_json}]}}'
    # inside <script> only "<" can end the element ("</script", "<!--"); in this
    # JSON every "<" is inside a string, where \u003c means the same
    return text.replace("<", "\\u003c") if "<" in text else text


def _normalised(text: str) -> str:
    """The original text as the findings' offsets see it."""
    text, _ = normalize_newlines(text)
    text, _ = to_nfc(text)
    return text


class HtmlReportWriter:
    """Streams report.html; ``add`` each result before it is slimmed, then ``close``."""

    def __init__(self, handle: IO[str], *, source: str, settings_fingerprint: str = "", detail_limit: int = -1):
        self.handle = handle
        self.source = source
        #: files (the first of the run) whose detail the page carries; -1 = all
        self.detail_limit = detail_limit
        #: files that had a detail to show but came after the limit
        self.details_left_out = 0
        self.count = 0
        self.pending: list[list] = []
        self.totals = {"files": 0, "changed": 0, "unchanged": 0, "errors": 0,
                       "chars_removed": 0, "chars_repaired": 0, "findings": 0}
        self.by_detector: dict[str, dict[str, int]] = {}
        self.by_code: dict[str, dict] = {}
        created = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
        head = {"source": source, "version": __version__, "created": created,
                "settings": settings_fingerprint}
        self.sink = Sink(handle)
        self.sink.write(_PAGE_HEAD.replace("@TITLE@", html.escape(f"seedclean report: {source}"))
                     .replace("@CSS@", _CSS).replace("@JS@", _JS))
        self.sink.write(
            '<header id="top"><h1>seedclean report</h1><p class="meta">'
            f"source <code>{html.escape(source)}</code> · seedclean {__version__} · {created}</p></header>\n"
            '<section id="controls"></section>\n<section id="files"><p class="loading">loading…</p></section>\n'
            f"<script>SC.meta={_json(head)};</script>\n"
        )

    # -- per file -------------------------------------------------------
    def add(self, result) -> None:
        """Record one file (call before the runner drops its texts and findings)."""
        i = self.count
        self.count += 1
        self.totals["files"] += 1
        key = {"changed": "changed", "unchanged": "unchanged"}.get(result.status, "errors")
        self.totals[key] += 1
        result.freeze_stats()
        stats = result.stats
        by_detector = stats.get("by_detector", {})
        add_detector_totals(self.by_detector, by_detector)
        for code, (detector, count, reason) in stats.get("by_code", {}).items():
            row = self.by_code.setdefault(code, {"detector": detector, "findings": 0, "reason": reason})
            row["findings"] += count
        dets = {name: counts["findings"] for name, counts in by_detector.items()}
        removed, repaired = (stats["chars"]["removed"], stats["chars"]["repaired"]) if by_detector else (0, 0)
        findings = sum(dets.values())
        self.totals["chars_removed"] += removed
        self.totals["chars_repaired"] += repaired
        self.totals["findings"] += findings
        from .prepare import piece

        payload = piece(result, "html")
        has_detail = result.status == "changed" or bool(findings)
        left_out = has_detail and 0 <= self.detail_limit <= i
        if left_out:
            has_detail, payload = False, None
            self.details_left_out += 1
        if has_detail and payload is None:
            payload = detail_payload(result) if result.findings or result.original_text else None
            has_detail = payload is not None
        self.pending.append([i, result.rel, result.status, result.encoding, removed, repaired,
                             dets, result.error, findings, list(result.notes), 2 if left_out else int(has_detail)])
        if has_detail:
            self.sink.write(f'<script type="application/json" id="d{i}">')
            self.sink.write(payload)
            self.sink.write("</script>\n")
        if len(self.pending) >= INDEX_BATCH:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.sink.write(f"<script>SC.add({_json(self.pending)});</script>\n")
            self.pending = []

    # -- end ------------------------------------------------------------
    def close(self) -> dict:
        self._flush()
        summary = dict(self.totals, detectors=self.by_detector,
                       codes={k: self.by_code[k] for k in sorted(self.by_code)})
        self.sink.write(self._summary_html(summary))
        self.sink.write(f"<script>SC.boot({_json(summary)});</script>\n</body>\n</html>\n")
        return summary

    def _summary_html(self, s: dict) -> str:
        t = s
        cards = [
            ("files", t["files"]), ("changed", t["changed"]), ("unchanged", t["unchanged"]),
            ("failed", t["errors"]), ("chars removed", t["chars_removed"]),
            ("chars repaired", t["chars_repaired"]), ("findings", t["findings"]),
        ]
        parts = ['<section id="summary"><h2>Summary</h2><div class="cards">']
        for label, value in cards:
            parts.append(f'<div class="card"><b>{value:,}</b><span>{html.escape(label)}</span></div>')
        parts.append("</div>")
        if self.details_left_out:
            parts.append(f'<p class="meta">The side-by-side view covers the first {self.detail_limit:,} files of the run; '
                         f'{self.details_left_out:,} later files with changes or findings are listed with their figures, '
                         'and report.json and report.diff have every one of them whole (--html-details sets the number).</p>')
        dets = sorted(s["detectors"].items(), key=lambda kv: -(kv[1]["removed"] + kv[1]["repaired"]))
        if dets:
            parts.append('<div class="charts">')
            parts.append(_chart(dets))
            parts.append('<table class="dets"><thead><tr><th>detector</th><th>findings</th>'
                         "<th>chars removed</th><th>chars repaired</th></tr></thead><tbody>")
            for name, row in dets:
                parts.append(
                    f'<tr><td><i class="sw" style="background:{colour(name)}"></i>{html.escape(name)}</td>'
                    f'<td>{row["findings"]:,}</td><td>{row["removed"]:,}</td><td>{row["repaired"]:,}</td></tr>')
            parts.append("</tbody></table></div>")
        if s["codes"]:
            parts.append('<details class="codes"><summary>findings per rule code</summary><table>'
                         "<thead><tr><th>code</th><th>detector</th><th>findings</th><th>example reason</th>"
                         "</tr></thead><tbody>")
            for code, row in s["codes"].items():
                parts.append(f'<tr><td><code>{html.escape(code)}</code></td><td>{html.escape(row["detector"])}</td>'
                             f'<td>{row["findings"]:,}</td><td>{html.escape(row["reason"])}</td></tr>')
            parts.append("</tbody></table></details>")
        parts.append("</section>\n")
        return "".join(parts)


def _chart(dets: list[tuple[str, dict]]) -> str:
    """A horizontal bar chart (inline SVG) of characters removed and repaired per detector."""
    peak = max(max(r["removed"], r["repaired"]) for _, r in dets) or 1
    label_w, bar_w, row_h = 110, 420, 30
    height = row_h * len(dets) + 28
    out = [f'<svg id="chart" role="img" aria-label="characters removed and repaired per detector" '
           f'width="{label_w + bar_w + 90}" height="{height}" viewBox="0 0 {label_w + bar_w + 90} {height}">']
    for k, (name, row) in enumerate(dets):
        y = k * row_h + 4
        out.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="lbl">{html.escape(name)}</text>')
        for j, (kind, shade) in enumerate((("removed", 1.0), ("repaired", 0.5))):
            w = round(bar_w * row[kind] / peak, 1)
            if row[kind] and w < 2:
                w = 2
            out.append(
                f'<rect class="bar {kind}" data-detector="{html.escape(name)}" x="{label_w}" y="{y + j * 11}" '
                f'width="{w}" height="10" fill="{colour(name, bar=True)}" fill-opacity="{shade}">'
                f"<title>{html.escape(name)}: {row[kind]:,} characters {kind}</title></rect>")
            out.append(f'<text x="{label_w + w + 4}" y="{y + j * 11 + 9}" class="num">{row[kind]:,}</text>')
    y = row_h * len(dets) + 16
    out.append(f'<rect x="{label_w}" y="{y - 8}" width="10" height="8" fill="#555"/>'
               f'<text x="{label_w + 14}" y="{y}" class="num">removed</text>'
               f'<rect x="{label_w + 80}" y="{y - 8}" width="10" height="8" fill="#555" fill-opacity="0.5"/>'
               f'<text x="{label_w + 94}" y="{y}" class="num">repaired</text>')
    out.append("</svg>")
    return "".join(out)


_PAGE_HEAD = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>@CSS@</style>
<script>@JS@</script>
</head>
<body>
<noscript><p>The per-file diffs of this report need JavaScript; the summary below does not.</p></noscript>
"""

_CSS = """
*{box-sizing:border-box}
body{margin:0;padding:0 20px 40px;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC",sans-serif;
 color:#1f2328;background:#f6f8fa;display:flex;flex-direction:column}
#top{order:0}#summary{order:1}#controls{order:2}#files{order:3}noscript{order:4}
h1{font-size:22px;margin:16px 0 2px}h2{font-size:17px;margin:8px 0}
.meta{color:#57606a;margin:0 0 8px}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px}
#summary{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px;margin:8px 0}
.charts{display:flex;flex-wrap:wrap;gap:8px 32px;align-items:flex-start}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
.card{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px;min-width:96px;background:#f6f8fa}
.card b{display:block;font-size:19px}.card span{color:#57606a;font-size:12px}
#chart .lbl{font-size:12px;fill:#1f2328}#chart .num{font-size:10px;fill:#57606a}
table.dets,details.codes table{border-collapse:collapse;margin-top:8px}
table.dets td,table.dets th,details.codes td,details.codes th{border-bottom:1px solid #eaeef2;padding:3px 10px;text-align:left}
table.dets td:not(:first-child){text-align:right}
.sw{display:inline-block;width:12px;height:12px;border-radius:3px;margin-right:6px;vertical-align:-1px;border:1px solid #0002}
#controls{position:sticky;top:0;z-index:2;background:#f6f8fa;padding:8px 0;border-bottom:1px solid #d0d7de;
 display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
#controls label{cursor:pointer;user-select:none;white-space:nowrap}
#controls input[type=search]{padding:3px 6px;border:1px solid #d0d7de;border-radius:4px;width:220px}
#controls .pager button{margin:0 2px}
.file{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:6px 0}
.file>summary{cursor:pointer;padding:6px 10px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
.file>summary .name{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600;word-break:break-all}
.badge{font-size:11px;border-radius:10px;padding:0 8px;border:1px solid #0002}
.badge.changed{background:#fff8c5}.badge.unchanged{background:#dafbe1}.badge.error{background:#ffebe9}
.chip{font-size:11px;border-radius:4px;padding:0 5px;border:1px solid #0002}
.stat{color:#57606a;font-size:12px}
.err{color:#cf222e;padding:6px 10px}
.unchanged-list{color:#57606a;padding:4px 10px;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
table.diff{width:100%;border-collapse:collapse;table-layout:fixed;font:13px/1.5 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace}
table.diff col.n{width:44px}
table.diff td{vertical-align:top;padding:0 6px;white-space:pre-wrap;word-break:break-all;border-left:1px solid #eaeef2}
table.diff td.n{color:#8c959f;text-align:right;user-select:none;border-left:none}
table.diff tr.hd td{background:#f6f8fa;color:#57606a;font-family:system-ui,sans-serif;font-size:12px;border-bottom:1px solid #d0d7de}
td.del{background:#fff5f5}td.add{background:#f0fff4}td.gap{background:#f6f8fa}
tr.skip td{background:#f6f8fa;color:#57606a;text-align:center;cursor:pointer;font-family:system-ui,sans-serif;font-size:12px}
.hl{border-radius:2px;text-decoration:line-through;text-decoration-color:#0006;cursor:help}
.hl.rep{text-decoration:none;box-shadow:inset 0 -2px #0005}
.hl .ws{color:#0007}
.ins{font-size:10px;vertical-align:super;cursor:help}
.fix{color:#116329;font-weight:600}
.hidden{display:none!important}
"""

_JS = r"""
var SC={idx:[],meta:{},page:0,per:100,dets:{},off:{},q:"",showUnchanged:false,
colours:%COLOURS%};
SC.add=function(rows){for(var k=0;k<rows.length;k++)SC.idx.push(rows[k]);};
SC.colour=function(d){if(SC.colours[d])return SC.colours[d];var h=0;for(var i=0;i<d.length;i++)h=(h*31+d.charCodeAt(i))%360;return "hsl("+h+",70%,85%)";};
SC.esc=function(s){return String(s).replace(/[&<>"]/g,function(c){return{"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"}[c];});};
SC.el=function(tag,attrs,html){var e=document.createElement(tag);if(attrs)for(var k in attrs)e.setAttribute(k,attrs[k]);if(html!=null)e.innerHTML=html;return e;};
SC.boot=function(summary){
 SC.summary=summary;var c=document.getElementById("controls");c.innerHTML="";
 var dets=Object.keys(summary.detectors).sort();
 var css="";dets.forEach(function(d){css+=".hl.d-"+SC.cls(d)+"{background:"+SC.colour(d)+"}\n";});
 var st=document.createElement("style");st.textContent=css;document.head.appendChild(st);
 SC.offStyle=document.createElement("style");document.head.appendChild(SC.offStyle);
 c.appendChild(SC.el("span",{"class":"lab"},"<b>detectors</b>"));
 dets.forEach(function(d){var l=SC.el("label",{"class":"detf"});var i=SC.el("input",{type:"checkbox","data-detector":d});i.checked=true;
  i.addEventListener("change",function(){SC.off[d]=!i.checked;SC.applyOff();SC.page=0;SC.render();});
  l.appendChild(i);l.appendChild(SC.el("span",{"class":"chip",style:"background:"+SC.colour(d)},SC.esc(d)+" "+summary.detectors[d].findings));c.appendChild(l);});
 var u=SC.el("label",{},"");var ui=SC.el("input",{type:"checkbox",id:"show-unchanged"});u.appendChild(ui);u.appendChild(document.createTextNode(" show unchanged files"));
 ui.addEventListener("change",function(){SC.showUnchanged=ui.checked;SC.page=0;SC.render();});c.appendChild(u);
 var q=SC.el("input",{type:"search",placeholder:"filter by file name",id:"q"});q.addEventListener("input",function(){SC.q=q.value.toLowerCase();SC.page=0;SC.render();});c.appendChild(q);
 SC.pager=SC.el("span",{"class":"pager"});c.appendChild(SC.pager);
 var h=SC.hash();if(h.unchanged)SC.showUnchanged=ui.checked=true;
 SC.render();
 if(h.open){var names=h.open==="all"?null:h.open.split("|");
  document.querySelectorAll("#files details.file[data-path]").forEach(function(d){if(!names||names.indexOf(d.dataset.path)>=0)SC.open(d);});}
 document.documentElement.setAttribute("data-ready","1");
};
SC.hash=function(){var out={};location.hash.replace(/^#/,"").split("&").forEach(function(p){if(!p)return;var kv=p.split("=");out[decodeURIComponent(kv[0])]=decodeURIComponent(kv.slice(1).join("=")||"1");});return out;};
SC.cls=function(d){return d.replace(/[^A-Za-z0-9_-]/g,"_");};
SC.applyOff=function(){var css="";for(var d in SC.off)if(SC.off[d])css+=".hl.d-"+SC.cls(d)+"{background:none!important;text-decoration:none!important;box-shadow:none!important;cursor:auto}\n.ins.d-"+SC.cls(d)+"{display:none}\n";SC.offStyle.textContent=css;};
SC.visible=function(r){
 if(SC.q&&r[1].toLowerCase().indexOf(SC.q)<0)return false;
 if(r[2]==="unchanged"&&!r[8])return SC.showUnchanged;
 var ds=Object.keys(r[6]);if(!ds.length)return true;
 for(var k=0;k<ds.length;k++)if(!SC.off[ds[k]])return true;return false;};
SC.render=function(){
 var box=document.getElementById("files");box.innerHTML="";
 var rows=SC.idx.filter(SC.visible);var pages=Math.max(1,Math.ceil(rows.length/SC.per));
 if(SC.page>=pages)SC.page=pages-1;
 var hiddenUnchanged=SC.showUnchanged?0:SC.idx.filter(function(r){return r[2]==="unchanged"&&!r[8];}).length;
 SC.pager.innerHTML="";
 var info=SC.el("span",{"class":"stat",id:"shown"},rows.length+" of "+SC.idx.length+" files"+(pages>1?" · page "+(SC.page+1)+" of "+pages:""));
 if(pages>1){var p=SC.el("button",{type:"button"},"‹ prev");p.disabled=SC.page===0;p.onclick=function(){SC.page--;SC.render();};
  var n=SC.el("button",{type:"button"},"next ›");n.disabled=SC.page>=pages-1;n.onclick=function(){SC.page++;SC.render();};SC.pager.appendChild(p);SC.pager.appendChild(n);}
 SC.pager.appendChild(info);
 rows.slice(SC.page*SC.per,(SC.page+1)*SC.per).forEach(function(r){box.appendChild(SC.entry(r));});
 if(hiddenUnchanged){var d=SC.el("details",{"class":"file unchanged-group"});
  d.appendChild(SC.el("summary",{},"<span class=\"badge unchanged\">unchanged</span> "+hiddenUnchanged+" unchanged files (collapsed)"));
  d.addEventListener("toggle",function(){if(d.open&&!d.dataset.done){d.dataset.done=1;var names=SC.idx.filter(function(r){return r[2]==="unchanged"&&!r[8];}).slice(0,2000).map(function(r){return SC.esc(r[1]);});
   d.appendChild(SC.el("div",{"class":"unchanged-list"},names.join("<br>")+(hiddenUnchanged>2000?"<br>… and "+(hiddenUnchanged-2000)+" more (tick “show unchanged files”)":"")));}});
  box.appendChild(d);}
 if(!rows.length&&!hiddenUnchanged)box.appendChild(SC.el("p",{"class":"stat"},"no file matches the filter"));
};
SC.entry=function(r){
 var d=SC.el("details",{"class":"file "+r[2],"data-path":r[1],"data-i":r[0]});
 var chips=Object.keys(r[6]).sort().map(function(k){return "<span class=\"chip\" style=\"background:"+SC.colour(k)+"\">"+SC.esc(k)+" "+r[6][k]+"</span>";}).join(" ");
 var s="<span class=\"name\">"+SC.esc(r[1])+"</span><span class=\"badge "+r[2]+"\">"+r[2]+"</span>";
 if(r[2]!=="error")s+="<span class=\"stat\">"+r[3]+" · −"+r[4]+" removed · "+r[5]+" repaired · "+r[8]+" findings"+(r[9].length?" · "+SC.esc(r[9].join(", ")):"")+"</span>"+chips;
 d.appendChild(SC.el("summary",{},s));
 d.addEventListener("toggle",function(){if(d.open&&!d.dataset.done){d.dataset.done=1;d.appendChild(SC.body(r));}});
 return d;};
SC.open=function(d){if(!d.dataset.done){d.dataset.done=1;d.appendChild(SC.body(SC.byI(+d.dataset.i)));}d.open=true;};
SC.byI=function(i){return SC.idx[i];};
SC.body=function(r){
 if(r[2]==="error")return SC.el("div",{"class":"err"},SC.esc(r[7]));
 if(r[10]===2)return SC.el("div",{"class":"stat",style:"padding:6px 10px"},"not shown in this page (see --html-details): the findings are in report.json, the changes in report.diff");
 if(!r[10])return SC.el("div",{"class":"stat",style:"padding:6px 10px"},"no change");
 var node=document.getElementById("d"+r[0]);var data=JSON.parse(node.textContent);
 return SC.diff(data);};
SC.vis=function(s){return s.replace(/\u3000/g,"\u25af").replace(/ /g,"\u00b7").replace(/\t/g,"\u2192").replace(/\u00a0/g,"\u2423");};
SC.leftLine=function(text,ls,le,fs){
 var out="",pos=ls,nlDone=false;
 for(var k=0;k<fs.length;k++){var f=fs[k],cl=SC.cls(f[3]),rep=!!f[5].trim();
  var tip=SC.esc(f[2]+" ("+f[3]+"): "+f[4]+(rep?" → "+f[5]:""));
  if(f[0]===f[1]){if(f[0]>=pos){out+=SC.esc(text.slice(pos,f[0]));pos=f[0];out+="<span class=\"ins hl d-"+cl+"\" data-code=\""+SC.esc(f[2])+"\" title=\""+tip+"\">\u25be</span>";}continue;}
  var s=Math.max(f[0],ls,pos),e=Math.min(f[1],le),nl=f[1]>le&&!nlDone;
  if(s>e||(s===e&&!nl))continue;
  out+=SC.esc(text.slice(pos,s));
  var seg=text.slice(s,e);
  var shown=seg.trim()?SC.esc(seg).replace(/^[ \u3000\t\u00a0]+|[ \u3000\t\u00a0]+$/g,function(m){return "<span class=\"ws\">"+SC.vis(m)+"</span>";}):"<span class=\"ws\">"+SC.vis(seg)+"</span>";
  if(nl){shown+="<span class=\"ws\">\u23ce</span>";nlDone=true;}
  out+="<span class=\"hl d-"+cl+(rep?" rep":"")+"\" data-code=\""+SC.esc(f[2])+"\" title=\""+tip+"\">"+shown+"</span>";
  if(rep&&f[1]<=le+1)out+="<span class=\"fix\" title=\""+tip+"\">→"+SC.esc(f[5])+"</span>";
  pos=Math.max(pos,e);}
 return out+SC.esc(text.slice(pos,le));};
SC.likeness=function(x,y,sx,sy){
 if(x===y)return x.trim()?1:SC.BLANK_PAIR;
 if(!sx.size||!sy.size)return 0;
 var common=0;sx.forEach(function(ch){if(sy.has(ch))common++;});
 return common/Math.min(sx.size,sy.size)*Math.min(1,2*common/(sx.size+sy.size)+0.5);};
SC.MIN_LIKENESS=0.45;SC.BLANK_PAIR=0.1;SC.MAX_PAIRING=40000;SC.MAX_LCS=4000000;
/* pair the lines of a[i1:i2] and b[j1:j2] that resemble each other, keeping order */
SC.pairLines=function(a,b,i1,i2,j1,j2,ops){
 var n=i2-i1,m=j2-j1,i,j;
 if(!n&&!m)return;
 if(!m){ops.push(["d",i1,i2,j1,j2]);return;}
 if(!n){ops.push(["i",i1,i2,j1,j2]);return;}
 if(n*m>SC.MAX_PAIRING){/* too big to search whole: pair proportional slices of both sides */
  var parts=Math.ceil(Math.sqrt(n*m/SC.MAX_PAIRING)),p;
  for(p=0;p<parts;p++)SC.pairLines(a,b,i1+Math.floor(p*n/parts),i1+Math.floor((p+1)*n/parts),j1+Math.floor(p*m/parts),j1+Math.floor((p+1)*m/parts),ops);
  return;}
 var sa=[],sb=[];for(i=0;i<n;i++)sa.push(new Set(Array.from(a[i1+i].trim())));for(j=0;j<m;j++)sb.push(new Set(Array.from(b[j1+j].trim())));
 var like=[],W=m+1,score=new Float64Array((n+1)*W);
 for(i=0;i<n;i++){var r=[];for(j=0;j<m;j++)r.push(SC.likeness(a[i1+i],b[j1+j],sa[i],sb[j]));like.push(r);}
 function ok(v){return v>=SC.MIN_LIKENESS||v===SC.BLANK_PAIR;}
 for(i=n-1;i>=0;i--)for(j=m-1;j>=0;j--){var best=Math.max(score[(i+1)*W+j],score[i*W+j+1]),v=like[i][j];
  if(ok(v)&&v+score[(i+1)*W+j+1]>best)best=v+score[(i+1)*W+j+1];score[i*W+j]=best;}
 i=0;j=0;
 while(i<n||j<m){
  if(i<n&&j<m){var w=like[i][j];if(ok(w)&&score[i*W+j]===w+score[(i+1)*W+j+1]){ops.push(["r",i1+i,i1+i+1,j1+j,j1+j+1]);i++;j++;continue;}}
  if(i<n&&(j>=m||score[i*W+j]===score[(i+1)*W+j])){ops.push(["d",i1+i,i1+i+1,j1+j,j1+j]);i++;}
  else{ops.push(["i",i1+i,i1+i,j1+j,j1+j+1]);j++;}}};
/* pairs (i,j) of identical lines in order: common ends, then a longest common subsequence */
SC.sameLines=function(a,b){
 var n=a.length,m=b.length,p=0,s=0,out=[],k;
 while(p<n&&p<m&&a[p]===b[p])p++;
 while(s<n-p&&s<m-p&&a[n-1-s]===b[m-1-s])s++;
 for(k=0;k<p;k++)out.push([k,k]);
 var N=n-p-s,M=m-p-s;
 if(N&&M&&N*M<=SC.MAX_LCS){
  var W=M+1,L=new Int32Array((N+1)*W),i,j;
  for(i=N-1;i>=0;i--)for(j=M-1;j>=0;j--)L[i*W+j]=a[p+i]===b[p+j]?L[(i+1)*W+j+1]+1:Math.max(L[(i+1)*W+j],L[i*W+j+1]);
  i=0;j=0;
  while(i<N&&j<M){if(a[p+i]===b[p+j]){out.push([p+i,p+j]);i++;j++;}else if(L[(i+1)*W+j]>=L[i*W+j+1])i++;else j++;}}
 for(k=s;k>0;k--)out.push([n-k,m-k]);
 return out;};
/* line-level alignment of two texts for the side-by-side view: [tag,i1,i2,j1,j2] with
   tag e (equal), r (changed line beside the line it resembles), d (only left), i (only right) */
SC.lineOps=function(a,b){
 var ops=[],i=0,j=0,same=SC.sameLines(a,b);same.push([a.length,b.length]);
 same.forEach(function(pr){
  SC.pairLines(a,b,i,pr[0],j,pr[1],ops);
  if(pr[0]<a.length&&pr[1]<b.length){var last=ops[ops.length-1];
   if(last&&last[0]==="e"&&last[2]===pr[0]&&last[4]===pr[1]){last[2]++;last[4]++;}else ops.push(["e",pr[0],pr[0]+1,pr[1],pr[1]+1]);}
  i=pr[0]+1;j=pr[1]+1;});
 var out=[];
 ops.forEach(function(op){
  if(op[0]==="r"&&op[2]-op[1]===1&&op[4]-op[3]===1&&a[op[1]]===b[op[3]])op=["e",op[1],op[2],op[3],op[4]];
  var last=out[out.length-1];
  if(last&&last[0]==="e"&&op[0]==="e"&&last[2]===op[1]&&last[4]===op[3]){last[2]=op[2];last[4]=op[4];}else out.push(op);});
 return out;};
SC.diff=function(data){
 var o=data.o,c=data.c,fs=data.f.map(function(x){return [x.orig_start,x.orig_end,x.code,x.detector,x.reason,x.replacement];});var starts=[0];for(var i=0;i<o.length;i++)if(o.charCodeAt(i)===10)starts.push(i+1);
 var olines=o.split("\n"),clines=c.split("\n");
 function lineOf(p){var lo=0,hi=starts.length-1;while(lo<hi){var mid=(lo+hi+1)>>1;if(starts[mid]<=p)lo=mid;else hi=mid-1;}return lo;}
 var byLine={};fs.forEach(function(f){var a=lineOf(f[0]),b=f[1]>f[0]?lineOf(f[1]-1):a;for(var l=a;l<=b;l++)(byLine[l]=byLine[l]||[]).push(f);});
 var tbl=SC.el("table",{"class":"diff"});tbl.innerHTML="<colgroup><col class=n><col><col class=n><col></colgroup><tr class=hd><td class=n></td><td>original (spans coloured by detector; hover for code and reason)</td><td class=n></td><td>cleaned</td></tr>";
 var tb=document.createElement("tbody");tbl.appendChild(tb);
 function row(i,j,tagL,tagR){var tr=document.createElement("tr");
  var lt=i==null?"":SC.leftLine(o,starts[i],starts[i]+olines[i].length,byLine[i]||[]);
  var rt=j==null?"":SC.esc(clines[j]);
  tr.innerHTML="<td class=n>"+(i==null?"":i+1)+"</td><td class=\""+(i==null?"gap":tagL)+"\">"+lt+"</td><td class=n>"+(j==null?"":j+1)+"</td><td class=\""+(j==null?"gap":tagR)+"\">"+rt+"</td>";
  return tr;}
 SC.lineOps(olines,clines).forEach(function(op){var t=op[0],i1=op[1],i2=op[2],j1=op[3],j2=op[4],n=i2-i1,k;
  if(t==="e"){
   if(n<=8){for(k=0;k<n;k++)tb.appendChild(row(i1+k,j1+k,"",""));return;}
   for(k=0;k<3;k++)tb.appendChild(row(i1+k,j1+k,"",""));
   var skip=document.createElement("tr");skip.className="skip";skip.innerHTML="<td colspan=4>… "+(n-6)+" unchanged lines (click to show)</td>";tb.appendChild(skip);
   skip.onclick=function(){for(var q=3;q<n-3;q++)tb.insertBefore(row(i1+q,j1+q,"",""),skip);skip.remove();};
   for(k=n-3;k<n;k++)tb.appendChild(row(i1+k,j1+k,"",""));return;}
  var m=Math.max(i2-i1,j2-j1);for(k=0;k<m;k++)tb.appendChild(row(i1+k<i2?i1+k:null,j1+k<j2?j1+k:null,"del","add"));});
 return tbl;};
"""
_JS = _JS.replace("%COLOURS%", json.dumps(COLOURS))
