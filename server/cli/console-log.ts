/** A minimal logger for command-line tools: human lines on stderr, no JSON. */
export const consoleLog = {
  info: (object: unknown, message?: string) => console.error(message ?? object),
  warn: (object: unknown, message?: string) => console.error(`aviso: ${message ?? JSON.stringify(object)}`),
};
