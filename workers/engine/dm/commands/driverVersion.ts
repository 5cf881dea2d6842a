// The device-mapper ioctl interface version each kernel reports (`dmsetup version`, "Driver version").

// RHEL 7.3's 3.10.0-514 carries the dm core of upstream 4.6; upstream kernels by their own version
const byKernel: [RegExp, string][] = [
  [/^3\.10\.0-514/, '4.34.0'],
  [/^3\.10\.0-(69[0-9]|[7-9]\d\d|1\d{3})/, '4.37.0'],
  [/^3\.10\./, '4.33.0'],
  [/^4\.(1[5-9]|20)\./, '4.39.0'],
  [/^4\./, '4.37.0'],
  [/^5\.(1[5-9])\./, '4.45.0'],
  [/^5\./, '4.43.0'],
  [/^6\./, '4.47.0'],
];

/** Driver version string for a kernel release (doubtful for kernels not listed; see the table). */
export function driverVersion(kernel: string): string {
  for (const [re, v] of byKernel) if (re.test(kernel)) return v;
  return '4.34.0';
}
