"""What a test run says about the guides: the documented step a failed browser test was on,
and the health of every catalog entry (passed, failed, not covered, not run)."""
