import type { ResolvedPlan } from './resolve-plan'

/**
 * The plan of a `wss:` URL whose path changes what its host says: AWS IoT Core serves the HTTPS data plane
 * as `iotdata` and MQTT over WebSockets (`wss://<prefix>-ats.iot.<region>.amazonaws.com/mqtt`) as
 * `iotdevicegateway`, unless a rule names the service. Presigning such a URL appends the session token after
 * signing (signing/presign-query.ts). https://docs.aws.amazon.com/iot/latest/developerguide/protocols.html
 */
export function planForWebSocket(url: URL, entry: ResolvedPlan): ResolvedPlan {
  const plan = entry.explanation.plan
  if (url.protocol + url.pathname !== 'wss:/mqtt' || plan?.service !== 'iotdata' || entry.rule?.service) {
    return entry
  }
  const explanation = { ...entry.explanation, plan: { ...plan, service: 'iotdevicegateway' } }
  if (__DEV__) {
    explanation.reason =
      explanation.plan.reason = `${plan.reason.slice(0, -1)}; MQTT over WebSockets (wss: + /mqtt) signs as iotdevicegateway.`
  }
  return { ...entry, explanation }
}
