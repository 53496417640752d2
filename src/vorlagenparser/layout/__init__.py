"""Field extraction by labels and geometry: page model + checkbox marks → RawVorlage."""
