"""Source-cited warehouse of 一老一小 plan targets."""
