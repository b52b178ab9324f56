import { describe, expect, it } from 'vitest';
import { detectEncoding, encodingLabel } from './encoding.ts';

describe('encodings', () => {
  it('tells Latin-1 from UTF-8 by whether the bytes are valid UTF-8', () => {
    expect(detectEncoding(Buffer.from('Ñandú, Población', 'latin1'))).toBe('windows-1252');
    expect(detectEncoding(Buffer.from('Ñandú, Población', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('Plaza', 'latin1'))).toBe('utf-8');
  });

  it('maps .cpg spellings to decoders and refuses DOS code pages and nonsense', () => {
    expect(encodingLabel('ISO-8859-1', '.cpg')).toBe('windows-1252');
    expect(encodingLabel('ANSI 1252', '.cpg')).toBe('windows-1252');
    expect(encodingLabel('UTF-8', '--encoding')).toBe('utf-8');
    expect(() => encodingLabel('850', '.cpg')).toThrow(/DOS/);
    expect(() => encodingLabel('klingon', '--encoding')).toThrow(/no se reconoce/);
  });
});
