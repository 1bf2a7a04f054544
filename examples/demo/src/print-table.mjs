/**
 * Renders rows as a box-drawn table, wrapping long cells (AWS error messages) at `maxWidth` columns.
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {{ maxWidth?: number }} [options]
 * @returns {string}
 */
export function renderTable(header, rows, { maxWidth = 64 } = {}) {
  const wrapped = [header, ...rows].map((row) => row.map((cell) => wrap(cell, maxWidth)))
  const widths = header.map((_, column) =>
    Math.max(...wrapped.map((row) => Math.max(...row[column].map((line) => line.length)))),
  )
  const line = (left, middle, right) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`
  const renderRow = (row) => {
    const height = Math.max(...row.map((cell) => cell.length))
    const out = []
    for (let i = 0; i < height; i++) {
      out.push(`│${row.map((cell, column) => ` ${(cell[i] ?? '').padEnd(widths[column])} `).join('│')}│`)
    }
    return out.join('\n')
  }
  return [
    line('┌', '┬', '┐'),
    renderRow(wrapped[0]),
    line('├', '┼', '┤'),
    ...wrapped.slice(1).map(renderRow),
    line('└', '┴', '┘'),
  ].join('\n')
}

function wrap(text, width) {
  const lines = []
  let current = ''
  for (const word of String(text).split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current)
      current = word
    } else {
      current = current ? `${current} ${word}` : word
    }
  }
  lines.push(current)
  return lines
}
