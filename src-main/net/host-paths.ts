/**
 * Error messages leave the machine (a window, a program calling an API); absolute paths of this
 * computer in them tell a caller where the data folder and the user's home are. This keeps the
 * last part of such a path (usually the file name, which is what the reader needs) and drops
 * the rest. Device names (/dev/usb/lp0) stay whole: they are addresses staff typed in.
 */
const POSIX_PATH = /(?<![\w.:/-])\/(?!dev\/)(?:[^\s/'"`:;,()]+\/)+([^\s/'"`:;,()]+)/g;
const WINDOWS_PATH = /(?<![\w])[A-Za-z]:\\(?:[^\s\\'"`:;,()]+\\)+([^\s\\'"`:;,()]+)/g;

export function withoutHostPaths(message: string): string {
  return message.replace(POSIX_PATH, '…/$1').replace(WINDOWS_PATH, '…\\$1');
}
