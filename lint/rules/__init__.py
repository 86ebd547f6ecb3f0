"""Rule kinds: one module per kind (see ``registry``), the contract they share
(``contract``) and the helpers beside it."""
