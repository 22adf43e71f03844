"""Keeping secrets out of what a run leaves behind: find them in every encoding, mask them in
files and archives, and a scanner anyone can run (`mock-court scan-secrets`)."""
