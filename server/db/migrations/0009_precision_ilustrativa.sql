-- A fourth precision level, between 'aproximada' and 'demo': a position drawn
-- only to illustrate (from a text, a press photo, a guess at a plaza), not to
-- measure. Features relabelled to it come in later migrations and seed files.
alter domain precision_dato drop constraint precision_dato_check;
alter domain precision_dato add constraint precision_dato_check
  check (value in ('oficial', 'aproximada', 'ilustrativa', 'demo'));
