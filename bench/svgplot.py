"""A small line-chart writer for the benchmark's --scale plot: plain SVG text, Python standard
library only (no matplotlib).  Used by bench.py; no command line of its own.

    write_svg(path, title, subtitle, panels, xlabel)

Each panel is a dict: title, ylabel, series = [(label, [(x, y), ...]), ...] and optionally
hline = (y, text) (a dashed limit line) and band = (lo, hi, text) (a shaded range).  Every panel
shares the x axis, ticked at its values (xnames: a second label under each, e.g. the scale); axes are logarithmic (1-2-5 ticks) when all values are positive and
span more than a factor of 3, linear otherwise.  A series keeps the same colour in every panel.
"""
import math
from xml.sax.saxutils import escape

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
PW, PH = 400, 290                           # one panel's plotting area
ML, MR, MT, MB = 70, 20, 56, 64             # its margins (left: tick labels and y label)


def short(v):
    """Tick label: 2.05M, 48.6k, 0.05, 4939."""
    a = abs(v)
    if a >= 1e6:
        s, suf = v / 1e6, "M"
    elif a >= 1e4:
        s, suf = v / 1e3, "k"
    else:
        s, suf = v, ""
    if suf:
        s = float("%.3g" % s)   # three significant digits: 193k, 48.6k, 2.05M
        if s >= 1000 and suf == "k":
            s, suf = s / 1000, "M"
    txt = ("%.3f" % s).rstrip("0").rstrip(".")
    return (txt or "0") + suf


class Axis:
    def __init__(self, values, pad_zero=False, at_values=False):
        """at_values: ticks at the values themselves (the x axis: one per scale), range padded."""
        vals = [v for v in values if v is not None and math.isfinite(v)]
        if not vals:
            vals = [0.0, 1.0]
        lo, hi = min(vals), max(vals)
        self.log = lo > 0 and hi / lo > 3
        if at_values and len(set(vals)) > 1:
            self.ticks = sorted(set(vals))
            if self.log:
                pad = (hi / lo) ** 0.06
                self.lo, self.hi = lo / pad, hi * pad
            else:
                pad = (hi - lo) * 0.06
                self.lo, self.hi = lo - pad, hi + pad
            return
        if self.log:
            self.ticks = self._log_ticks(lo, hi)
        else:
            if pad_zero:
                lo = min(lo, 0.0)
            if hi == lo:
                hi, lo = (hi * 1.5, lo * 0.5) if hi > 0 else (lo + 1, lo - 1) if hi < 0 else (1.0, 0.0)
            self.ticks = self._lin_ticks(lo, hi)
        self.lo, self.hi = self.ticks[0], self.ticks[-1]

    @staticmethod
    def _log_ticks(lo, hi):
        """1-2-5 ticks from the last one at or below lo to the first at or above hi (powers of ten
        alone when that makes more than nine)."""
        ks = range(math.floor(math.log10(lo)) - 1, math.ceil(math.log10(hi)) + 2)
        for ms in ((1, 2, 5), (1,)):
            cands = [m * 10.0 ** k for k in ks for m in ms]
            start = max(c for c in cands if c <= lo * (1 + 1e-9))
            end = min(c for c in cands if c >= hi * (1 - 1e-9))
            ticks = [c for c in cands if start <= c <= end]
            if len(ticks) <= 9:
                break
        return ticks

    @staticmethod
    def _lin_ticks(lo, hi):
        raw = (hi - lo) / 5
        mag = 10.0 ** math.floor(math.log10(raw))
        step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
        t = math.floor(lo / step) * step
        ticks = [t]
        while ticks[-1] < hi - 1e-12 * step:
            ticks.append(ticks[-1] + step)
        return ticks

    def frac(self, v):
        if self.log:
            return (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        return (v - self.lo) / (self.hi - self.lo)

    def ok(self, v):
        return v is not None and math.isfinite(v) and (v > 0 or not self.log)


def write_svg(path, title, subtitle, panels, xlabel, xnames=None):
    labels = []
    for p in panels:
        for lab, _ in p["series"]:
            if lab not in labels:
                labels.append(lab)
    colour = {lab: COLOURS[i % len(COLOURS)] for i, lab in enumerate(labels)}
    xs = [x for p in panels for _, pts in p["series"] for x, y in pts]
    xa = Axis(xs, at_values=True)
    width = len(panels) * (ML + PW + MR) + 20
    legend_rows = (len(labels) + 2) // 3
    height = 60 + MT + PH + MB + 22 * legend_rows + 16
    o = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
         'font-family="Helvetica, Arial, sans-serif" font-size="12">' % (width, height, width, height),
         '<rect width="100%" height="100%" fill="white"/>',
         '<text x="%d" y="24" font-size="16" font-weight="bold">%s</text>' % (10, escape(title)),
         '<text x="%d" y="44" fill="#555">%s</text>' % (10, escape(subtitle))]
    for i, p in enumerate(panels):
        x0 = 10 + i * (ML + PW + MR) + ML
        y0 = 60 + MT
        ys = [y for _, pts in p["series"] for x, y in pts]
        if p.get("hline"):
            ys.append(p["hline"][0])
        if p.get("band"):
            ys += [p["band"][0], p["band"][1]]
        ya = Axis(ys, pad_zero=True)

        def X(v):
            return x0 + PW * xa.frac(v)

        def Y(v):
            return y0 + PH * (1 - ya.frac(v))

        o.append('<text x="%.1f" y="%d" text-anchor="middle" font-size="14" font-weight="bold">%s</text>' % (
            x0 + PW / 2, y0 - 14, escape(p["title"])))
        if p.get("band"):
            lo, hi, txt = p["band"]
            if ya.ok(lo) and ya.ok(hi):
                o.append('<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="#1f77b4" fill-opacity="0.10"/>' % (
                    x0, Y(hi), PW, Y(lo) - Y(hi)))
                o.append('<text x="%d" y="%.1f" fill="#1f77b4" font-size="11">%s</text>' % (
                    x0 + 4, Y(hi) - 3, escape(txt)))
        for t in ya.ticks:
            o.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e4e4e4"/>' % (x0, x0 + PW, Y(t), Y(t)))
            o.append('<text x="%d" y="%.1f" text-anchor="end">%s</text>' % (x0 - 6, Y(t) + 4, short(t)))
        for t in xa.ticks:
            o.append('<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#e4e4e4"/>' % (X(t), X(t), y0, y0 + PH))
            o.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>' % (X(t), y0 + PH + 16, short(t)))
            if xnames and t in xnames:
                o.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#555" font-size="11">%s</text>' % (
                    X(t), y0 + PH + 30, escape(xnames[t])))
        o.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333"/>' % (x0, y0, PW, PH))
        o.append('<text x="%.1f" y="%d" text-anchor="middle">%s%s</text>' % (
            x0 + PW / 2, y0 + PH + 48, escape(xlabel), " (log)" if xa.log else ""))
        o.append('<text transform="translate(%d,%.1f) rotate(-90)" text-anchor="middle">%s%s</text>' % (
            x0 - ML + 16, y0 + PH / 2, escape(p["ylabel"]), " (log)" if ya.log else ""))
        if p.get("hline"):
            v, txt = p["hline"]
            if ya.ok(v):
                o.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#d62728" stroke-dasharray="6,4"/>' % (
                    x0, x0 + PW, Y(v), Y(v)))
                o.append('<text x="%d" y="%.1f" text-anchor="end" fill="#d62728" font-size="11">%s</text>' % (
                    x0 + PW - 4, Y(v) - 4, escape(txt)))
        for lab, pts in p["series"]:
            pts = sorted((x, y) for x, y in pts if xa.ok(x) and ya.ok(y))
            if not pts:
                continue
            c = colour[lab]
            if len(pts) > 1:
                o.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (
                    c, " ".join("%.1f,%.1f" % (X(x), Y(y)) for x, y in pts)))
            for x, y in pts:
                o.append('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %s, %s</title></circle>' % (
                    X(x), Y(y), c, escape(lab), short(x), "%.4g" % y))
    ly = 60 + MT + PH + MB + 14
    for i, lab in enumerate(labels):
        lx = 10 + ML + (i % 3) * 300
        yy = ly + (i // 3) * 22
        o.append('<line x1="%d" x2="%d" y1="%d" y2="%d" stroke="%s" stroke-width="3"/>' % (
            lx, lx + 26, yy - 4, yy - 4, colour[lab]))
        o.append('<text x="%d" y="%d">%s</text>' % (lx + 32, yy, escape(lab)))
    o.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(o) + "\n")
