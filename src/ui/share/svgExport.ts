/**
 * The topology as a standalone picture. The live SVG takes its look from the page's style sheet,
 * which a saved file does not carry, so every element of a copy gets the computed values of the
 * properties SVG rendering uses as an inline `style`; a background rectangle stands in for the
 * page behind it. The PNG is that SVG drawn on a canvas at twice the size.
 */
const PAINT_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'vector-effect',
  'paint-order',
  'marker-end',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
] as const

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * `svg` as a standalone picture. SVGs stacked with it on the page become layers of the picture:
 * `under` (a large map's link mesh, drawn for the box it was built in and carried onto the
 * map's box by a CSS transform) its first, carried by the same transform; `over` (a large map's
 * offset arcs) its last.
 */
export function serializeSvg(
  svg: SVGSVGElement,
  { under = null, over = null }: { under?: SVGSVGElement | null; over?: SVGSVGElement | null } = {},
  background = '#ffffff',
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement
  const from: Element[] = [svg, ...svg.querySelectorAll('*')]
  const to: Element[] = [copy, ...copy.querySelectorAll('*')]
  const layer = (of: SVGSVGElement): SVGGElement => {
    const g = document.createElementNS(SVG_NS, 'g')
    const carried = getComputedStyle(of).transform
    if (carried !== 'none') g.setAttribute('transform', carried)
    for (const child of of.children) {
      const clone = child.cloneNode(true) as Element
      g.appendChild(clone)
      from.push(child, ...child.querySelectorAll('*'))
      to.push(clone, ...clone.querySelectorAll('*'))
    }
    return g
  }
  if (under) copy.insertBefore(layer(under), copy.firstChild)
  if (over) copy.appendChild(layer(over))
  from.forEach((el, i) => {
    const cs = getComputedStyle(el)
    const style = PAINT_PROPERTIES.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')
    to[i].setAttribute('style', style)
    // focus rings and hit areas are for the page, not the picture
    to[i].removeAttribute('tabindex')
  })
  const { width, height } = svg.getBoundingClientRect()
  copy.setAttribute('xmlns', SVG_NS)
  copy.setAttribute('width', String(Math.round(width)))
  copy.setAttribute('height', String(Math.round(height)))
  const bg = document.createElementNS(SVG_NS, 'rect')
  bg.setAttribute('width', '100%')
  bg.setAttribute('height', '100%')
  bg.setAttribute('fill', background)
  copy.insertBefore(bg, copy.firstChild)
  return new XMLSerializer().serializeToString(copy)
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const img = new Image()
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`
  await img.decode()
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas')
  ctx.scale(scale, scale)
  ctx.drawImage(img, 0, 0)
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  )
}
