"""Walkthroughs: captioned videos, illustrated and printable guides recorded from the guides' own flows.

`recorder` records one guide (or one troubleshooting tip) in one browser context, with
`actions` reporting each control used in plain words; `publishing` makes the recording
publishable (`framing` zooms onto each control and places its caption, `video` encodes with the
chapters and subtitles, `narration` adds the spoken track); `artifacts` writes the subtitles,
the step report, the transcript and the guide pages, `printing` the PDF; `run` records several
guides side by side.
"""
