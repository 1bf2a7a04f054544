// Just enough MQTT 3.1.1 to play IoT Core's broker for a test client: CONNECT → CONNACK, SUBSCRIBE → SUBACK,
// PINGREQ → PINGRESP, PUBLISH (QoS 0) delivered to every subscribed connection. One packet per frame, as
// MQTT-over-WebSocket clients send them.

/** A decoded MQTT packet this broker understands. */
export type MqttPacket =
  | { kind: 'connect' }
  | { kind: 'subscribe'; packetId: number; topics: string[] }
  | { kind: 'publish'; topic: string; payload: Uint8Array }
  | { kind: 'pingreq' }
  | { kind: 'disconnect' }
  | { kind: 'other' }

/** Reads one packet from a WebSocket binary frame. */
export function readMqttPacket(frame: Uint8Array): MqttPacket {
  const type = (frame[0] ?? 0) >> 4
  let offset = 1
  let multiplier = 1
  let length = 0
  let byte: number
  do {
    byte = frame[offset++] ?? 0
    length += (byte & 0x7f) * multiplier
    multiplier *= 128
  } while (byte & 0x80)
  const body = frame.subarray(offset, offset + length)
  const u16 = (at: number) => ((body[at] ?? 0) << 8) | (body[at + 1] ?? 0)
  const text = (at: number) => new TextDecoder().decode(body.subarray(at + 2, at + 2 + u16(at)))
  switch (type) {
    case 1:
      return { kind: 'connect' }
    case 3: {
      const topic = text(0)
      const qos = ((frame[0] ?? 0) >> 1) & 3
      const start = 2 + u16(0) + (qos > 0 ? 2 : 0)
      return { kind: 'publish', topic, payload: body.subarray(start) }
    }
    case 8: {
      const topics: string[] = []
      for (let at = 2; at < body.length; at += 2 + u16(at) + 1) topics.push(text(at))
      return { kind: 'subscribe', packetId: u16(0), topics }
    }
    case 12:
      return { kind: 'pingreq' }
    case 14:
      return { kind: 'disconnect' }
    default:
      return { kind: 'other' }
  }
}

/** CONNACK: session not present, connection accepted. */
export const CONNACK = Uint8Array.of(0x20, 0x02, 0x00, 0x00)
/** PINGRESP. */
export const PINGRESP = Uint8Array.of(0xd0, 0x00)

/** SUBACK granting QoS 0 to each topic. */
export function suback(packetId: number, count: number): Uint8Array {
  return Uint8Array.of(0x90, 2 + count, packetId >> 8, packetId & 0xff, ...new Array<number>(count).fill(0))
}

/** A QoS 0 PUBLISH of `payload` on `topic`. */
export function publishPacket(topic: string, payload: Uint8Array): Uint8Array {
  const name = new TextEncoder().encode(topic)
  const rest = [name.length >> 8, name.length & 0xff, ...name, ...payload]
  const length: number[] = []
  let remaining = rest.length
  do {
    let byte = remaining % 128
    remaining = Math.floor(remaining / 128)
    if (remaining > 0) byte |= 0x80
    length.push(byte)
  } while (remaining > 0)
  return Uint8Array.from([0x30, ...length, ...rest])
}

/** Whether an MQTT topic filter (`+` one level, `#` the rest) matches a topic. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/')
  const t = topic.split('/')
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true
    if (f[i] !== '+' && f[i] !== t[i]) return false
  }
  return f.length === t.length
}
