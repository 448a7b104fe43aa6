/**
 * The app icon in every size the installers need, drawn from resources/icon.svg at build time (`npm run dist` and the
 * packaging check call buildIcons): the SVG is the one source, so no set of binary copies can drift from it, and the
 * SVG is rendered at each size instead of one large bitmap being scaled down. resvg comes prebuilt from npm, so this
 * runs offline and on every build machine.
 *
 *   png/<n>x<n>.png  Linux (the hicolor sizes the .deb and AppImage install; electron-builder reads the folder)
 *   icon.ico         Windows: the executable, the installer and the Start menu (16-256 px, PNG-compressed entries)
 *   icon.icns        macOS: the app bundle and the dmg (16-1024 px, the @2x variants included)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS entry types holding PNG data, and the pixel size of each (the "@2x" types hold twice their point size). */
export const ICNS_TYPES: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
]

export interface IconFiles {
  pngDir: string
  ico: string
  icns: string
}

export function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng())
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG image')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** A Windows .ico with one PNG-compressed image per size (supported since Windows Vista). */
export function icoFile(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index
    header.writeUInt8(size >= 256 ? 0 : size, entry) // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt8(0, entry + 2) // no palette
    header.writeUInt8(0, entry + 3)
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

/** The sizes an .ico holds, read back from its directory. */
export function icoSizes(ico: Buffer): number[] {
  if (ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO file')
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + 16 * index) || 256)
}

/** A macOS .icns of PNG entries: "icns", the total length, then each entry's type, length and data. */
export function icnsFile(entries: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4)
  return Buffer.concat([header, ...chunks])
}

/** Each entry of an .icns with the pixel size of its PNG. */
export function icnsEntries(icns: Buffer): Array<{ type: string; size: number }> {
  if (icns.toString('latin1', 0, 4) !== 'icns' || icns.readUInt32BE(4) !== icns.length) throw new Error('not an ICNS file')
  const entries: Array<{ type: string; size: number }> = []
  for (let offset = 8; offset < icns.length; ) {
    const length = icns.readUInt32BE(offset + 4)
    entries.push({ type: icns.toString('latin1', offset, offset + 4), size: pngSize(icns.subarray(offset + 8, offset + length)).width })
    offset += length
  }
  return entries
}

export async function buildIcons(svgPath: string, outDir: string): Promise<IconFiles> {
  const svg = await readFile(svgPath, 'utf8')
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])]
  const pngs = new Map(sizes.map((size) => [size, renderPng(svg, size)]))
  const pngDir = join(outDir, 'png')
  await mkdir(pngDir, { recursive: true })
  await Promise.all(LINUX_SIZES.map((size) => writeFile(join(pngDir, `${size}x${size}.png`), pngs.get(size)!)))
  const files = { pngDir, ico: join(outDir, 'icon.ico'), icns: join(outDir, 'icon.icns') }
  await writeFile(files.ico, icoFile(ICO_SIZES.map((size) => ({ size, png: pngs.get(size)! }))))
  await writeFile(files.icns, icnsFile(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size)! }))))
  return files
}
