import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/platform/csv.ts';

describe('the action plan as CSV', () => {
  it('writes a header line and one line per row, each ended by CRLF', () => {
    expect(
      toCsv(
        ['Reference', 'Title'],
        [
          ['BA-1', 'Joint commissioning'],
          ['BA-2', 'Care leavers'],
        ],
      ),
    ).toBe('Reference,Title\r\nBA-1,Joint commissioning\r\nBA-2,Care leavers\r\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd'],
      [['Health, police', 'The "front door"', 'line one\nline two', 'x\r\ny']],
    );
    expect(csv).toBe('a,b,c,d\r\n"Health, police","The ""front door""","line one\nline two","x\r\ny"\r\n');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1+2', "'-1+2"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rreturn', '"\'\rreturn"'],
  ])('stops a spreadsheet running %j as a formula', (value, field) => {
    expect(toCsv(['x'], [[value]])).toBe(`x\r\n${field}\r\n`);
  });

  it('prefixes and quotes a formula that also holds quotes and commas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil.example","click")']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil.example"",""click"")"\r\n',
    );
  });

  it('leaves numbers alone, negative ones included, and text that is a plain number', () => {
    expect(toCsv(['n', 'm', 'p', 'q'], [[-5, 3.25, '-12', '-0.5']])).toBe('n,m,p,q\r\n-5,3.25,-12,-0.5\r\n');
  });

  it('writes empty fields for nothing, and true or false for booleans', () => {
    expect(toCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, true, false, Number.NaN]])).toBe(
      'a,b,c,d,e\r\n,,true,false,\r\n',
    );
  });

  it('escapes the headers too', () => {
    expect(toCsv(['=1+1', 'Owner, lead'], [])).toBe('\'=1+1,"Owner, lead"\r\n');
  });

  it('starts with a byte-order mark for Excel only when asked', () => {
    expect(toCsv(['£'], [], { bom: true })).toBe('\uFEFF£\r\n');
    expect(toCsv(['£'], []).charCodeAt(0)).not.toBe(0xfeff);
  });

  it('refuses a row whose fields do not line up with the headers', () => {
    expect(() => toCsv(['a', 'b'], [['1', '2'], ['3']])).toThrow('Row 2 has 1 fields; the headers have 2');
  });
});
