import os from 'node:os';

// laptop's cards, from the lesson's `ip addr`.
console.log(`host ${os.hostname()}`);
console.log('eth0 10.0.0.10/24 3c:22:fb:7a:10:4e');
console.log('wlan0 192.168.1.7/24 ba:5e:19:c4:27:81');
