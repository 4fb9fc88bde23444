import { Buffer } from 'node:buffer';

/** Bytes per piece of storage: big enough that a million texts need few pieces, small enough to grow in. */
const defaultPieceBytes = 16 * 1024 * 1024;

/**
 * Many strings held as UTF-8 bytes outside JavaScript's heap, read back one at a time.
 *
 * Ten million ids or texts kept as strings are ten million objects that every full garbage
 * collection walks and moves, and that cost grew faster than the data: a 10M-row study took
 * 33 times the 1M one's time to keep its strings. Bytes in a few large buffers are not
 * walked at all. Strings are appended in order and never changed.
 */
export class TextColumn {
  private readonly pieces: Buffer[] = [];
  /** The index of the first string of each piece, so a string's piece is found by bisection. */
  private readonly firstOfPiece: number[] = [];
  private readonly piecesUsed: number[] = [];
  /** Where each string starts in its piece. */
  private starts = new Int32Array(1024);
  private count = 0;
  private readonly pieceBytes: number;

  /** `pieceBytes` is for tests, which need strings spread over several pieces without writing megabytes. */
  constructor(pieceBytes = defaultPieceBytes) {
    this.pieceBytes = pieceBytes;
  }

  get length(): number {
    return this.count;
  }

  /** Keep a string; its index is the number of strings kept before it. */
  push(text: string): number {
    // A UTF-16 code unit is at most 3 bytes of UTF-8, so this much room always suffices.
    const room = text.length * 3;
    let piece = this.pieces.length - 1;
    if (piece < 0 || this.piecesUsed[piece]! + room > this.pieces[piece]!.length) {
      this.pieces.push(Buffer.allocUnsafeSlow(Math.max(this.pieceBytes, room)));
      this.firstOfPiece.push(this.count);
      this.piecesUsed.push(0);
      piece++;
    }
    const start = this.piecesUsed[piece]!;
    this.piecesUsed[piece] = start + writeText(this.pieces[piece]!, text, start);
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count] = start;
    return this.count++;
  }

  /** The string at an index. */
  at(index: number): string {
    if (!(index >= 0 && index < this.count)) throw new Error(`internal: no text ${index} of ${this.count}`);
    const piece = this.pieceOf(index);
    const end = index + 1 < this.count && this.firstOfPiece[piece + 1] !== index + 1 ? this.starts[index + 1]! : this.piecesUsed[piece]!;
    return this.pieces[piece]!.toString('utf8', this.starts[index], end);
  }

  /** Forget every string (a file read again from the start). */
  clear(): void {
    this.pieces.length = 0;
    this.firstOfPiece.length = 0;
    this.piecesUsed.length = 0;
    this.starts = new Int32Array(1024);
    this.count = 0;
  }

  private pieceOf(index: number): number {
    let low = 0;
    let high = this.firstOfPiece.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firstOfPiece[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Write a string as UTF-8 and say how many bytes it took. Ids and most texts are ASCII,
 * written here byte by byte; anything else is left to Buffer's encoder, which is slower to
 * call than the loop for short strings.
 */
function writeText(piece: Buffer, text: string, at: number): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) return piece.write(text, at, 'utf8');
    piece[at + index] = code;
  }
  return text.length;
}
