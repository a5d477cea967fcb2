"""Onboard a plan: register it (add-document), review the extractor's proposals (review), append them (accept)."""
