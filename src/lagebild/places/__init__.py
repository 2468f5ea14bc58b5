"""Places: LOC entities resolved offline to GeoNames ids and coordinates."""
