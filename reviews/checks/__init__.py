"""Clerical-error checks: "would you be surprised that … is not yet at …?", and the answers."""
