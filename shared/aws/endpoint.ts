/**
 * Locally the endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE> variables set by the
 * local platform; in AWS they are unset and the SDK uses the region's endpoints (including the
 * .amazonaws.com.cn ones).
 */
export const endpoint = (service: string): { endpoint?: string } => {
  const e = process.env[`AWS_ENDPOINT_URL_${service}`];
  return e ? { endpoint: e } : {};
};
