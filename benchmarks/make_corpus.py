"""Write a deterministic benchmark corpus of noisy Chinese web documents.

Text is synthetic: sentences drawn from jieba's word list (weighted by its
frequencies), never from the seeds.  An article has 5–20 paragraphs of 3–8
sentences, so documents weigh 2–15 KB (about 6 KB on average), the size of
real news pages.  Noise follows CLEANING.md: HTML
fragments and whole pages, feed chrome, site boilerplate, place-name spam
tails; some files in GBK, Big5 and UTF-16, some with CRLF.  The same
documents are also written as JSONL.

    python benchmarks/make_corpus.py [OUT] [--mb 60]
    python benchmarks/make_corpus.py --jsonl-stream 1000 > big.jsonl   # any size, flat memory
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent / "corpus"

COUNTIES = ("凤山县 石首市 疏附县 阳朔县 宁乡市 临澧县 会同县 江华瑶族自治县 嘉禾县 桑植县 "
            "沅陵县 洞口县 新邵县 平江县 汝城县 祁东县 攸县 茶陵县 炎陵县 醴陵市 湘乡市 韶山市 "
            "安化县 桃江县 南县 华容县 湘阴县 岳阳县 临湘市 汨罗市 澧县 津市市 安乡县 汉寿县 "
            "石门县 慈利县 永定区 武陵源区 鹤城区 中方县").split()
NAV = ["首页", "新闻", "财经", "体育", "娱乐", "科技", "移動客戶端", "官方微信", "官方微博", "专题", "图片", "视频"]
FEED = ["发布 👍 0 举报 写留言", "转发", "评论", "赞", "收藏", "热门推荐"]
TAIL = ["责任编辑：{n}", "一审：{n} 二审：{n} 三审：{n}", "来源：{s}", "分享到：", "相关链接",
        "版权所有 © 2023 {s} 京ICP备{d}号", "海量资讯、精准解读，尽在新浪财经APP", "字号：A A 颜色："]
NAMES = "王晨 何海燕 胡仲涛 李明 张伟 刘洋 陈静 杨帆 赵磊 黄敏".split()
SOURCES = "新华社 人民日报 湖南日报 中国新闻网 光明日报".split()


def word_list(limit: int = 30000):
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
                rows.append((int(parts[1]), parts[0]))
    rows.sort(reverse=True)
    rows = rows[:limit]
    return [w for _, w in rows], [f for f, _ in rows]


class Writer:
    def __init__(self, seed: int = 20240601):
        self.rng = random.Random(seed)
        self.words, weights = word_list()
        total = 0
        self.cum = []
        for w in weights:
            total += w
            self.cum.append(total)
        self._buf: list[str] = []
        self._pos = 0

    def _draw(self, k: int) -> list[str]:
        """``k`` words, drawn from a buffer refilled in large weighted batches (fast, deterministic)."""
        if self._pos + k > len(self._buf):
            self._buf = self._buf[self._pos:] + self.rng.choices(self.words, cum_weights=self.cum, k=65536)
            self._pos = 0
        out = self._buf[self._pos:self._pos + k]
        self._pos += k
        return out

    def sentence(self) -> str:
        words = self._draw(self.rng.randint(6, 18))
        parts = []
        for i, w in enumerate(words):
            parts.append(w)
            if i and i % 6 == 0 and i < len(words) - 1:
                parts.append("，")
        return "".join(parts) + self.rng.choice("。。。！？")

    def paragraph(self) -> str:
        return "".join(self.sentence() for _ in range(self.rng.randint(3, 8)))

    def article(self) -> tuple[str, list[str]]:
        r = self.rng
        title = self.sentence().rstrip("。！？")[:24]
        date = f"{r.randint(2015, 2024)}-{r.randint(1, 12):02}-{r.randint(1, 28):02}"
        head = f"{date} 来源：{r.choice(SOURCES)}"
        return title, [head] + [self.paragraph() for _ in range(r.randint(5, 20))]

    def tail(self) -> list[str]:
        r = self.rng
        return [t.format(n=r.choice(NAMES), s=r.choice(SOURCES), d=r.randint(10000000, 99999999))
                for t in r.sample(TAIL, r.randint(1, 4))]

    def document(self, i: int) -> tuple[str, str]:
        """``(kind, text)`` for document ``i``."""
        r = self.rng
        title, paras = self.article()
        kind = ("text", "text", "text", "fragment", "fragment", "page", "feed", "spam")[i % 8]
        if kind == "text":
            body = [title, ""] + [("\u3000\u3000" if r.random() < 0.5 else "") + p + (" " if r.random() < 0.2 else "")
                                  for p in paras]
            if r.random() < 0.5:
                body = [" | ".join(r.sample(NAV, 6))] + body + self.tail()
            return kind, "\n\n".join(body) + "\n"
        if kind == "fragment":
            out = [f"<h1>{title}</h1>"]
            for p in paras:
                link = f'<a href="https://example.com/{r.randint(1, 9999)}">{self.sentence()[:8]}</a>' if r.random() < 0.3 else ""
                out.append(f"<p>&nbsp;&nbsp;{p}{link}</p>")
            if r.random() < 0.5:
                out.append("<!-- 正文下 --><div class=\"share\">分享到：</div>")
            return kind, "\n".join(out) + "\n"
        if kind == "page":
            nav = "".join(f'<li><a href="/{k}">{n}</a></li>' for k, n in enumerate(r.sample(NAV, 8)))
            body = "\n".join(f"<p>{p}</p>" for p in paras)
            tail = "".join(f"<div>{t}</div>" for t in self.tail())
            return kind, (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>\n'
                          f"<style>.nav{{color:#333}} p{{margin:0}}</style>\n"
                          f"<script>var _hmt=_hmt||[];(function(){{var s=1;}})();</script></head>\n"
                          f'<body><ul class="nav">{nav}</ul>\n<div class="article"><h1>{title}</h1>\n{body}\n</div>\n'
                          f"{tail}\n</body></html>\n")
        if kind == "feed":
            lines = [title, ""] + paras[:3]
            for _ in range(r.randint(2, 5)):
                lines += ["", f"{r.choice(NAMES)}：{self.sentence()} https://t.cn/{r.randint(100000, 999999):x}",
                          r.choice(FEED), f"转发 {r.randint(0, 99)} 评论 {r.randint(0, 99)} 赞 {r.randint(0, 999)}"]
            return kind, "\n".join(lines) + "\n"
        spam = "| ".join(r.sample(COUNTIES, r.randint(12, 30)))
        return kind, "\n\n".join([title] + paras) + "\n\n" + spam + "\n"


_converter = None


def _s2t():
    global _converter
    if _converter is None:
        from opencc import OpenCC

        _converter = OpenCC("s2t")
    return _converter


def encode(i: int, kind: str, text: str, rng: random.Random) -> tuple[str, bytes]:
    """File name and bytes: mostly UTF-8; some GBK, Big5, UTF-16 and CRLF."""
    ext = ".html" if kind in ("fragment", "page") else ".txt"
    name = f"{i:06}_{kind}{ext}"
    roll = i % 20
    if roll == 3:
        return name, text.encode("gb18030")
    if roll == 7:
        return name, _s2t().convert(text).encode("big5hkscs", "ignore")
    if roll == 11:
        return name, text.encode("utf-16")
    if roll in (13, 17):
        return name, text.replace("\n", "\r\n").encode("utf-8")
    return name, text.encode("utf-8")


def make(out: Path, mb: float) -> None:
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (out / "jsonl").mkdir(exist_ok=True)
    writer = Writer()
    rng = random.Random(7)
    total = 0
    i = 0
    with open(out / "jsonl" / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
        while total < mb * 1e6:
            kind, text = writer.document(i)
            name, data = encode(i, kind, text, rng)
            sub = docs / f"{i // 1000:03}"
            sub.mkdir(exist_ok=True)
            (sub / name).write_bytes(data)
            jsonl.write(json.dumps({"id": i, "kind": kind, "text": text}, ensure_ascii=False) + "\n")
            total += len(data)
            i += 1
    print(f"{i} documents, {total / 1e6:.1f} MB in {docs}; JSONL in {out / 'jsonl'}", file=sys.stderr)


def stream_jsonl(mb: float, handle) -> None:
    """JSONL of ``mb`` megabytes to ``handle``, generated on the fly (flat memory)."""
    writer = Writer()
    total = i = 0
    while total < mb * 1e6:
        kind, text = writer.document(i)
        line = (json.dumps({"id": i, "kind": kind, "text": text}, ensure_ascii=False) + "\n").encode("utf-8")
        handle.write(line)
        total += len(line)
        i += 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--mb", type=float, default=60)
    ap.add_argument("--jsonl-stream", type=float, metavar="MB", help="write MB of JSONL to stdout and exit")
    args = ap.parse_args()
    if args.jsonl_stream:
        stream_jsonl(args.jsonl_stream, sys.stdout.buffer)
        return
    make(args.out, args.mb)


if __name__ == "__main__":
    main()
