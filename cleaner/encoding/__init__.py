"""Encoding-damage helpers shared by the encoding detectors (pinyin, mojibake)."""
