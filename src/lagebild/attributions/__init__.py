"""Attribution: who says so (direct, indirect, reported speech, no-comment)."""
