"""Walkthroughs: captioned videos and illustrated guides recorded from the guides' own flows.

`recorder` records one guide (or one troubleshooting tip) in one browser context; `artifacts`
writes the subtitles, the step report and the illustrated guide pages; `video` converts and
checks the videos with the system ffmpeg; `run` records several guides side by side.
"""
