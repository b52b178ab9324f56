import { describe, expect, it } from 'vitest';
import { streetName } from './street-name.ts';

describe('streetName', () => {
  it('writes the capitals of the source as a map does', () => {
    expect(streetName('AVENIDA EL BUEN RETIRO')).toBe('Avenida El Buen Retiro');
    expect(streetName('DIEGO DE ALMAGRO')).toBe('Diego de Almagro');
    expect(streetName('MARTIN GREGORIO DEL VILLAR')).toBe('Martin Gregorio del Villar');
    expect(streetName('PJE LAGUNA GRANDE')).toBe('Pje. Laguna Grande');
    expect(streetName('CAUPOLICAN')).toBe('Caupolican');
  });
});
