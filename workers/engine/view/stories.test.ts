import { describe, expect, it } from 'vitest';
import { defaultStory, storyOf } from './stories';

describe('story of a session', () => {
  it('keeps the container, image and block commands and drops setup and reports', () => {
    const session = [
      'sudo systemctl stop docker',
      "cat > /etc/docker/daemon.json <<'JSON'\n{ \"storage-driver\": \"devicemapper\" }\nJSON",
      'sudo systemctl start docker',
      'docker run -d --name web ubuntu sleep infinity',
      'docker info',
      'docker exec web dd if=/dev/zero of=/big bs=1M count=100',
      'sudo du -h /var/lib/docker/devicemapper/devicemapper/data',
      'docker exec web rm /big',
      'sim discard web 0+16',
    ];
    expect(storyOf(session)).toEqual([
      'docker run -d --name web ubuntu sleep infinity',
      'docker exec web dd if=/dev/zero of=/big bs=1M count=100',
      'docker exec web rm /big',
      'sim discard web 0+16',
    ]);
  });

  it('tells the default write, delete, fstrim, rm story when the session has none', () => {
    expect(storyOf(['echo hello', 'docker info'])).toEqual([...defaultStory]);
  });
});
