import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../shared/platform/csv.ts';

describe('CSV fields a spreadsheet must not misread', () => {
  it('writes an infinite number as an empty field, and a finite one as itself', () => {
    expect(csvField(Number.POSITIVE_INFINITY)).toBe('');
    expect(csvField(Number.NEGATIVE_INFINITY)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(-0.25)).toBe('-0.25');
  });

  it('prefixes text that only starts like a number, or is a number with more after it', () => {
    expect(csvField('-12 children')).toBe("'-12 children");
    expect(csvField('-1.')).toBe("'-1.");
    expect(csvField('-.5')).toBe("'-.5");
    expect(csvField('-1.5.2')).toBe("'-1.5.2");
    expect(csvField('+12')).toBe("'+12");
  });

  it('leaves text alone that starts with anything but a formula character', () => {
    expect(csvField('Plan = agreed')).toBe('Plan = agreed');
    expect(csvField('12-14 year olds')).toBe('12-14 year olds');
    expect(csvField(' =1+1')).toBe(' =1+1');
    expect(csvField('')).toBe('');
  });

  it('quotes a field with a carriage return alone, or a line feed alone', () => {
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('ab')).toBe('ab');
  });

  it('writes nothing for null and undefined, and true or false for booleans, field by field', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('leaves a negative decimal with several places alone', () => {
    expect(csvField('-12.75')).toBe('-12.75');
  });

  it('needs no rows, and writes only the header line', () => {
    expect(toCsv(['a'], [])).toBe('a\r\n');
    expect(() => toCsv(['a'], [['1', '2']])).toThrow('Row 1 has 2 fields; the headers have 1');
  });
});
