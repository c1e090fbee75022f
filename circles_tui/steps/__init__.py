"""One widget per worksheet step, shown beside the step list in the workspace."""
