"""A court's CM/ECF NextGen (ecf.<court>.uscourts.gov): menu bar, Utilities, linking, legacy login."""
