"""Question generators, one module per family; `pipeline.questions.generate` runs them all."""
