// The light build of bottleneck, the one @octokit/plugin-throttling itself loads.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
