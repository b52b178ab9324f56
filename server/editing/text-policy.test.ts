import { describe, expect, it } from 'vitest';
import { textProblem } from './text-policy.ts';

describe('textProblem', () => {
  it.each([
    "Plaza O'Higgins",
    'Calle 5; sector norte',
    'Superficie < 50 m² y altura > 2 m',
    'Casa Ramírez (ex Hotel Atacama)',
    'a = b según el estudio',
    'Ver https://www.monumentos.gob.cl/monumentos',
    'Uso: vivienda, comercio - equipamiento',
    'Línea 1\nLínea 2\tcon tabulación',
    'Don Onofre Jarpa',
  ])('accepts ordinary text: %s', (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it.each([
    ['<script>alert(1)</script>', 'HTML'],
    ['<img src=x onerror=alert(1)>', 'HTML'],
    ['javascript:alert(1)', 'script'],
    ['x" onmouseover="alert(1)', 'evento'],
    ["'; DROP TABLE patrimonio; --", 'SQL'],
    ['1; delete from usuarios', 'SQL'],
    ["' OR '1'='1", 'SQL'],
    ['1 UNION SELECT clave_hash FROM usuarios', 'SQL'],
    ['nombre /* comentario */', 'SQL'],
    ['texto\u0000nulo', 'control'],
  ])('refuses %s', (text, kind) => {
    expect(textProblem(text)).toMatch(new RegExp(kind, 'i'));
  });
});
