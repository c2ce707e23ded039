<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>hoga::AccountLimitsDialog</name>
    <message>
        <source>Risk limits</source>
        <translation>위험 한도</translation>
    </message>
    <message>
        <source>Limits for the whole account, checked before every order of this profile: the order ticket&apos;s and every bot&apos;s, on top of each bot&apos;s own limits. Leave a field empty for no limit.</source>
        <translation>계좌 전체에 대한 한도로, 이 프로필의 모든 주문(주문창과 모든 봇의 주문) 전에 각 봇의 자체 한도와 함께 확인합니다. 한도를 두지 않으려면 칸을 비워 두세요.</translation>
    </message>
    <message>
        <source>Largest order value (quote currency)</source>
        <translation>최대 주문 금액 (호가 통화)</translation>
    </message>
    <message>
        <source>Largest position in one market (base currency)</source>
        <translation>한 마켓의 최대 포지션 (기준 통화)</translation>
    </message>
    <message>
        <source>Most open orders</source>
        <translation>최대 미체결 주문 수</translation>
    </message>
    <message>
        <source>Most orders per minute</source>
        <translation>분당 최대 주문 수</translation>
    </message>
    <message>
        <source>Limit price within % of the last price</source>
        <translation>지정가 허용 범위 (현재가 대비 %)</translation>
    </message>
    <message>
        <source>Cash reserve bots may not spend</source>
        <translation>봇이 쓸 수 없는 현금 유보액</translation>
    </message>
    <message>
        <source>Daily loss limit of all bots (halts them)</source>
        <translation>모든 봇의 일일 손실 한도 (도달 시 정지)</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>한도 없음</translation>
    </message>
    <message>
        <source>Enter a whole number greater than zero, or leave it empty.</source>
        <translation>0보다 큰 정수를 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”은(는) 숫자가 아닙니다.</translation>
    </message>
    <message>
        <source>Enter a number greater than zero, or leave it empty.</source>
        <translation>0보다 큰 수를 입력하거나 비워 두세요.</translation>
    </message>
</context>
<context>
    <name>hoga::ApiKeyRing</name>
    <message>
        <source>&quot;%1&quot; is not a venue name.</source>
        <translation>&quot;%1&quot;은(는) 거래소 이름이 아닙니다.</translation>
    </message>
    <message>
        <source>Enter both the access key and the secret key.</source>
        <translation>Access Key와 Secret Key를 모두 입력하세요.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a credential field name.</source>
        <translation>&quot;%1&quot;은(는) 인증 정보 항목 이름이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>hoga::Backtest</name>
    <message>
        <source>The quantity rounds down to zero at the market&apos;s step.</source>
        <translation>수량이 마켓의 수량 단위로 내림하면 0이 됩니다.</translation>
    </message>
    <message>
        <source>No cash left to buy with.</source>
        <translation>매수할 현금이 남아 있지 않습니다.</translation>
    </message>
    <message>
        <source>Selling %1 but only %2 is held.</source>
        <translation>%1을(를) 매도하려 하지만 보유량은 %2뿐입니다.</translation>
    </message>
    <message>
        <source>A limit order needs a price and a quantity above zero.</source>
        <translation>지정가 주문에는 0보다 큰 가격과 수량이 필요합니다.</translation>
    </message>
    <message>
        <source>The buy costs %1 but only %2 is free.</source>
        <translation>매수 금액은 %1이지만 사용 가능한 금액은 %2뿐입니다.</translation>
    </message>
    <message>
        <source>Not enough funds when the order was to fill.</source>
        <translation>주문이 체결될 시점에 잔고가 부족했습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::BacktestTab</name>
    <message>
        <source>Backtest</source>
        <translation>백테스트</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>CSV 파일</translation>
    </message>
    <message>
        <source>Recorded trades</source>
        <translation>기록된 체결</translation>
    </message>
    <message>
        <source>Candles from</source>
        <translation>캔들 출처</translation>
    </message>
    <message>
        <source>open_time,open,high,low,close,volume</source>
        <translation>open_time,open,high,low,close,volume</translation>
    </message>
    <message>
        <source>Recorded venue</source>
        <translation>기록된 거래소</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>any</source>
        <translation>모두</translation>
    </message>
    <message>
        <source>Period (UTC)</source>
        <translation>기간(UTC)</translation>
    </message>
    <message>
        <source>Fee rate</source>
        <translation>수수료율</translation>
    </message>
    <message>
        <source>Initial cash</source>
        <translation>초기 현금</translation>
    </message>
    <message>
        <source>fast=3:10:1; slow=20,30,50</source>
        <translation>fast=3:10:1; slow=20,30,50</translation>
    </message>
    <message>
        <source>Leave empty for one run. Each axis is KEY=FROM:TO:STEP or KEY=A,B,C; separate axes with semicolons. Every combination runs, on all cores.</source>
        <translation>한 번만 실행하려면 비워 두세요. 각 축은 KEY=FROM:TO:STEP 또는 KEY=A,B,C 형식이며 축은 세미콜론으로 구분합니다. 모든 조합을 모든 코어에서 실행합니다.</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>지표</translation>
    </message>
    <message>
        <source>Buy and hold</source>
        <translation>매수 후 보유</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>시각(UTC)</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Realized PnL</source>
        <translation>실현 손익</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>자산</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>거래</translation>
    </message>
    <message>
        <source>the candles&apos; own</source>
        <translation>캔들 자체 간격</translation>
    </message>
    <message>
        <source>all the cash</source>
        <translation>현금 전부</translation>
    </message>
    <message>
        <source>Choose a CSV file of candles.</source>
        <translation>캔들 CSV 파일을 고르세요.</translation>
    </message>
    <message>
        <source>Name the recorded venue and market.</source>
        <translation>기록된 거래소와 마켓을 적으세요.</translation>
    </message>
    <message>
        <source>The fee rate is a fraction such as 0.0005.</source>
        <translation>수수료율은 0.0005 같은 비율입니다.</translation>
    </message>
    <message>
        <source>The initial cash must be above zero.</source>
        <translation>초기 현금은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message numerus="yes">
        <source>%n candle(s) replayed.</source>
        <translation>
            <numerusform>캔들 %n개를 재생했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Final equity</source>
        <translation>최종 자산</translation>
    </message>
    <message>
        <source>Total return</source>
        <translation>총 수익률</translation>
    </message>
    <message>
        <source>CAGR</source>
        <translation>연평균 수익률(CAGR)</translation>
    </message>
    <message>
        <source>Maximum drawdown</source>
        <translation>최대 낙폭</translation>
    </message>
    <message>
        <source>Sharpe</source>
        <translation>샤프 지수</translation>
    </message>
    <message>
        <source>Sortino</source>
        <translation>소르티노 지수</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>승률</translation>
    </message>
    <message>
        <source>Profit factor</source>
        <translation>손익비</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>노출 비율</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Drawdown (%)</source>
        <translation>낙폭(%)</translation>
    </message>
    <message numerus="yes">
        <source>%n combination(s) run.</source>
        <translation>
            <numerusform>조합 %n개를 실행했습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Download from a venue</source>
        <translation>거래소에서 내려받기</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Candles for the backtest</source>
        <translation>백테스트용 캔들</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 파일 (*.csv);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>간격</translation>
    </message>
    <message>
        <source>Run a backtest to see its candles and trades here.</source>
        <translation>백테스트를 실행하면 캔들과 거래가 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>Choose the venue and market to download.</source>
        <translation>내려받을 거래소와 마켓을 고르세요.</translation>
    </message>
    <message>
        <source>Downloading candles from %1…</source>
        <translation>%1에서 캔들을 내려받는 중…</translation>
    </message>
    <message>
        <source>Downloading candles: %1 of %2</source>
        <translation>캔들 내려받는 중: %2개 중 %1개</translation>
    </message>
</context>
<context>
    <name>hoga::BinanceConnector</name>
    <message>
        <source>Binance Spot Testnet</source>
        <translation>바이낸스 현물 테스트넷</translation>
    </message>
    <message>
        <source>Binance</source>
        <translation>바이낸스</translation>
    </message>
</context>
<context>
    <name>hoga::BinanceErrors</name>
    <message>
        <source>Binance failed with an unknown error.</source>
        <translation>바이낸스에서 알 수 없는 오류가 발생했습니다.</translation>
    </message>
    <message>
        <source>Binance&apos;s internal services were briefly unavailable.</source>
        <translation>바이낸스 내부 서비스를 잠시 사용할 수 없었습니다.</translation>
    </message>
    <message>
        <source>Binance did not accept this request without an API key.</source>
        <translation>바이낸스는 API 키 없이 이 요청을 받지 않습니다.</translation>
    </message>
    <message>
        <source>Too many requests: Binance&apos;s request weight limit was reached. Requests resume when the limit allows.</source>
        <translation>요청이 너무 많습니다: 바이낸스의 요청 가중치 한도에 도달했습니다. 한도가 허용되면 요청을 다시 보냅니다.</translation>
    </message>
    <message>
        <source>Binance timed out waiting for its matching engine: the outcome is unknown. The order is looked up by its client id; do not send it again.</source>
        <translation>바이낸스가 매칭 엔진의 응답을 기다리다 시간이 초과되어 결과를 알 수 없습니다. 주문은 클라이언트 ID로 조회하며, 다시 보내지 마세요.</translation>
    </message>
    <message>
        <source>Binance is overloaded. Try again in a moment.</source>
        <translation>바이낸스가 과부하 상태입니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Binance does not support this combination of order options.</source>
        <translation>바이낸스는 이 주문 옵션 조합을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>Too many new orders: Binance&apos;s order count limit was reached. Wait before placing more orders.</source>
        <translation>새 주문이 너무 많습니다: 바이낸스의 주문 수 한도에 도달했습니다. 잠시 후에 주문하세요.</translation>
    </message>
    <message>
        <source>This Binance service is shutting down.</source>
        <translation>이 바이낸스 서비스는 종료 중입니다.</translation>
    </message>
    <message>
        <source>Binance rejected the request&apos;s timestamp (outside the receive window). The clock offset is learned again; check this computer&apos;s clock if it keeps happening.</source>
        <translation>바이낸스가 요청 시각을 거부했습니다(수신 허용 시간 밖). 시각 차이를 다시 측정합니다. 계속되면 이 컴퓨터의 시계를 확인하세요.</translation>
    </message>
    <message>
        <source>Binance rejected the request&apos;s signature. Check the secret key.</source>
        <translation>바이낸스가 요청 서명을 거부했습니다. 시크릿 키를 확인하세요.</translation>
    </message>
    <message>
        <source>A request parameter contains characters Binance does not allow.</source>
        <translation>요청 파라미터에 바이낸스가 허용하지 않는 문자가 있습니다.</translation>
    </message>
    <message>
        <source>A parameter Binance requires is missing or empty.</source>
        <translation>바이낸스가 요구하는 파라미터가 없거나 비어 있습니다.</translation>
    </message>
    <message>
        <source>A price or quantity has more decimals than the market allows.</source>
        <translation>가격이나 수량의 소수 자릿수가 마켓이 허용하는 것보다 많습니다.</translation>
    </message>
    <message>
        <source>Binance does not accept this time in force.</source>
        <translation>바이낸스는 이 주문 유효 조건을 받지 않습니다.</translation>
    </message>
    <message>
        <source>Binance does not accept this order type.</source>
        <translation>바이낸스는 이 주문 유형을 받지 않습니다.</translation>
    </message>
    <message>
        <source>Binance has no such symbol.</source>
        <translation>바이낸스에 해당 심볼이 없습니다.</translation>
    </message>
    <message>
        <source>Binance has no such order.</source>
        <translation>바이낸스에 해당 주문이 없습니다.</translation>
    </message>
    <message>
        <source>The API key&apos;s format is invalid. Check the key.</source>
        <translation>API 키 형식이 올바르지 않습니다. 키를 확인하세요.</translation>
    </message>
    <message>
        <source>Binance rejected the API key: it is invalid, this computer&apos;s IP address is not allowed, or the key lacks the permission for this action.</source>
        <translation>바이낸스가 API 키를 거부했습니다: 키가 잘못되었거나, 이 컴퓨터의 IP 주소가 허용되지 않았거나, 이 작업에 필요한 권한이 없습니다.</translation>
    </message>
    <message>
        <source>Binance rejected the request as invalid.</source>
        <translation>바이낸스가 요청을 잘못된 요청으로 거부했습니다.</translation>
    </message>
    <message>
        <source>Binance answered with HTTP status %1.</source>
        <translation>바이낸스가 HTTP 상태 %1로 응답했습니다.</translation>
    </message>
    <message>
        <source>Binance has banned this IP address for sending too many requests. All requests to Binance are stopped until the ban ends.</source>
        <translation>요청을 너무 많이 보내 바이낸스가 이 IP 주소를 차단했습니다. 차단이 끝날 때까지 바이낸스로 보내는 모든 요청을 멈춥니다.</translation>
    </message>
    <message>
        <source>Binance finds orders by symbol, and no order with this id is known; order ids look like BTCUSDT:12345.</source>
        <translation>바이낸스는 심볼로 주문을 찾는데, 이 ID의 주문을 알 수 없습니다. 주문 ID는 BTCUSDT:12345 형식입니다.</translation>
    </message>
    <message>
        <source>Binance ended the account stream; it is opened again.</source>
        <translation>바이낸스가 계정 스트림을 끊었습니다. 다시 엽니다.</translation>
    </message>
    <message>
        <source>Binance has no open order with client id %1. Binance finds other orders by symbol: give the order id, which looks like BTCUSDT:12345.</source>
        <translation>바이낸스에 클라이언트 ID %1의 열린 주문이 없습니다. 다른 주문은 심볼로 찾으므로 BTCUSDT:12345 형식의 주문 ID를 주세요.</translation>
    </message>
</context>
<context>
    <name>hoga::BithumbConnector</name>
    <message>
        <source>Bithumb</source>
        <translation>빗썸</translation>
    </message>
</context>
<context>
    <name>hoga::BithumbErrors</name>
    <message>
        <source>This computer&apos;s IP address is not on the API key&apos;s allowlist. Add it on Bithumb&apos;s website.</source>
        <translation>이 컴퓨터의 IP 주소가 API 키의 허용 목록에 없습니다. 빗썸 웹사이트에서 추가하세요.</translation>
    </message>
    <message>
        <source>The venue considered the request&apos;s token expired. Check that this computer&apos;s clock is correct.</source>
        <translation>거래소에서 요청 토큰이 만료된 것으로 판단했습니다. 이 컴퓨터의 시계가 정확한지 확인하세요.</translation>
    </message>
    <message>
        <source>The venue has blocked this account from using the API.</source>
        <translation>거래소가 이 계정의 API 사용을 차단했습니다.</translation>
    </message>
    <message>
        <source>The venue requires a linked bank account for this request.</source>
        <translation>이 요청을 하려면 거래소에 은행 계좌를 연결해야 합니다.</translation>
    </message>
    <message>
        <source>The venue requires two-factor authentication to be set up for this request.</source>
        <translation>이 요청을 하려면 거래소에서 2단계 인증을 설정해야 합니다.</translation>
    </message>
    <message>
        <source>The order would trade against one of your own resting orders.</source>
        <translation>이 주문은 본인의 미체결 주문과 체결될 수 있습니다.</translation>
    </message>
    <message>
        <source>The buy price is outside the market&apos;s allowed price range.</source>
        <translation>매수 가격이 종목의 허용 가격 범위를 벗어났습니다.</translation>
    </message>
    <message>
        <source>The sell price is outside the market&apos;s allowed price range.</source>
        <translation>매도 가격이 종목의 허용 가격 범위를 벗어났습니다.</translation>
    </message>
    <message>
        <source>The price is not valid for this market (check the price step at that price).</source>
        <translation>이 종목에 유효하지 않은 가격입니다 (해당 가격대의 호가 단위를 확인하세요).</translation>
    </message>
    <message>
        <source>The venue is still processing the order. Try again in a moment.</source>
        <translation>거래소에서 아직 주문을 처리하고 있습니다. 잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The balance is too low for this withdrawal.</source>
        <translation>출금하기에 잔고가 부족합니다.</translation>
    </message>
    <message>
        <source>The venue has no such deposit.</source>
        <translation>거래소에 해당 입금 내역이 없습니다.</translation>
    </message>
    <message>
        <source>The venue has no such withdrawal.</source>
        <translation>거래소에 해당 출금 내역이 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::BotDetailPanel</name>
    <message>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>구분</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>금액</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>체결량</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>신호</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>클라이언트 ID</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Trade id</source>
        <translation>체결 ID</translation>
    </message>
    <message>
        <source>PnL</source>
        <translation>손익</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>체결</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>PnL chart</source>
        <translation>손익 차트</translation>
    </message>
    <message>
        <source>PnL in %1</source>
        <translation>%1 기준 손익</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>유형</translation>
    </message>
</context>
<context>
    <name>hoga::BotEditorDialog</name>
    <message>
        <source>Edit bot %1</source>
        <translation>봇 %1 편집</translation>
    </message>
    <message>
        <source>New bot</source>
        <translation>새 봇</translation>
    </message>
    <message>
        <source>A name for the bot, unique in this profile</source>
        <translation>이 프로필에서 겹치지 않는 봇 이름</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Risk limits (empty: no limit)</source>
        <translation>위험 한도(비우면 한도 없음)</translation>
    </message>
    <message>
        <source>Largest order value (quote currency)</source>
        <translation>최대 주문 금액(호가 통화)</translation>
    </message>
    <message>
        <source>Largest position (base currency)</source>
        <translation>최대 보유량(기준 통화)</translation>
    </message>
    <message>
        <source>Most open orders</source>
        <translation>최대 미체결 주문 수</translation>
    </message>
    <message>
        <source>Most orders per minute</source>
        <translation>분당 최대 주문 수</translation>
    </message>
    <message>
        <source>Limit price within % of the last price</source>
        <translation>지정가는 현재가의 % 이내</translation>
    </message>
    <message>
        <source>Cash reserve the bot may not spend</source>
        <translation>봇이 쓸 수 없는 현금 보유분</translation>
    </message>
    <message>
        <source>Daily loss limit (halts the bot)</source>
        <translation>일일 손실 한도(넘으면 봇 정지)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>만들기</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>봇</translation>
    </message>
    <message>
        <source>required</source>
        <translation>필수</translation>
    </message>
    <message>
        <source>Enter a whole number greater than zero, or leave it empty.</source>
        <translation>0보다 큰 정수를 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>Enter a number greater than zero, or leave it empty.</source>
        <translation>0보다 큰 수를 입력하거나 비워 두세요.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>필수 항목입니다.</translation>
    </message>
</context>
<context>
    <name>hoga::BotRunner</name>
    <message>
        <source>The bot is halted: %1</source>
        <translation>봇이 정지되었습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::BotTableModel</name>
    <message>
        <source>Stopped</source>
        <translation>정지됨</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Halted by risk</source>
        <translation>위험 한도로 정지</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>전략</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>보유량</translation>
    </message>
    <message>
        <source>Realised PnL</source>
        <translation>실현 손익</translation>
    </message>
    <message>
        <source>Unrealised PnL</source>
        <translation>평가 손익</translation>
    </message>
    <message>
        <source>PnL (KRW)</source>
        <translation>손익(KRW)</translation>
    </message>
    <message>
        <source>PnL (USDT)</source>
        <translation>손익(USDT)</translation>
    </message>
    <message>
        <source>Orders today</source>
        <translation>오늘 주문</translation>
    </message>
    <message>
        <source>Last signal</source>
        <translation>마지막 신호</translation>
    </message>
</context>
<context>
    <name>hoga::BotsTab</name>
    <message>
        <source>New bot…</source>
        <translation>새 봇…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Stops the bot and cancels its open orders.</source>
        <translation>봇을 정지하고 열린 주문을 취소합니다.</translation>
    </message>
    <message>
        <source>Stops the bot&apos;s signals; its open orders stay in the book.</source>
        <translation>봇의 신호를 멈춥니다. 열린 주문은 호가창에 남습니다.</translation>
    </message>
    <message>
        <source>Delete bot</source>
        <translation>봇 삭제</translation>
    </message>
    <message>
        <source>Delete the bot “%1”? It stops and its open orders are cancelled; its orders and fills stay in the journal.</source>
        <translation>봇 “%1”을(를) 삭제할까요? 봇이 정지되고 열린 주문은 취소됩니다. 주문과 체결 기록은 저널에 남습니다.</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop (%1). No order is sent until you re-arm trading.</source>
        <translation>긴급 정지로 거래가 중단되었습니다(%1). 거래를 재개할 때까지 주문을 보내지 않습니다.</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>봇</translation>
    </message>
</context>
<context>
    <name>hoga::BuiltInStrategies</name>
    <message>
        <source>Order value</source>
        <translation>주문 금액</translation>
    </message>
    <message>
        <source>Amount of the quote currency spent on each buy.</source>
        <translation>매수할 때마다 쓰는 호가 통화 금액입니다.</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>캔들 간격</translation>
    </message>
    <message>
        <source>The strategy reads the closing prices of candles of this length.</source>
        <translation>전략은 이 길이의 캔들 종가를 읽습니다.</translation>
    </message>
    <message>
        <source>Moving average cross</source>
        <translation>이동평균 교차</translation>
    </message>
    <message>
        <source>Buys when the fast moving average crosses above the slow one (golden cross) and sells the position when it crosses below (dead cross), on closed candles.</source>
        <translation>마감된 캔들에서 단기 이동평균이 장기 이동평균을 위로 교차하면(골든 크로스) 매수하고, 아래로 교차하면(데드 크로스) 보유 수량을 매도합니다.</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>평균</translation>
    </message>
    <message>
        <source>Simple (sma) or exponential (ema) moving averages.</source>
        <translation>단순(sma) 또는 지수(ema) 이동평균입니다.</translation>
    </message>
    <message>
        <source>Fast period</source>
        <translation>단기 기간</translation>
    </message>
    <message>
        <source>Candles in the fast average; less than the slow period.</source>
        <translation>단기 평균에 쓰는 캔들 수이며, 장기 기간보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Slow period</source>
        <translation>장기 기간</translation>
    </message>
    <message>
        <source>Candles in the slow average.</source>
        <translation>장기 평균에 쓰는 캔들 수입니다.</translation>
    </message>
    <message>
        <source>RSI mean reversion</source>
        <translation>RSI 평균 회귀</translation>
    </message>
    <message>
        <source>Buys when the relative strength index of closed candles falls below the oversold level and sells the position when it rises above the overbought level.</source>
        <translation>마감된 캔들의 상대강도지수가 과매도 수준 아래로 내려가면 매수하고, 과매수 수준 위로 올라가면 보유 수량을 매도합니다.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Candles in the RSI, smoothed as Wilder defined it.</source>
        <translation>RSI에 쓰는 캔들 수이며, 와일더의 정의대로 평활합니다.</translation>
    </message>
    <message>
        <source>Oversold</source>
        <translation>과매도</translation>
    </message>
    <message>
        <source>Buy when the RSI is below this.</source>
        <translation>RSI가 이 값보다 낮으면 매수합니다.</translation>
    </message>
    <message>
        <source>Overbought</source>
        <translation>과매수</translation>
    </message>
    <message>
        <source>Sell when the RSI is above this.</source>
        <translation>RSI가 이 값보다 높으면 매도합니다.</translation>
    </message>
    <message>
        <source>Bollinger bands</source>
        <translation>볼린저 밴드</translation>
    </message>
    <message>
        <source>Buys when a candle closes below the lower Bollinger band and sells the position when one closes above the upper band.</source>
        <translation>캔들이 볼린저 하단 밴드 아래에서 마감하면 매수하고, 상단 밴드 위에서 마감하면 보유 수량을 매도합니다.</translation>
    </message>
    <message>
        <source>Candles in the middle band&apos;s simple moving average.</source>
        <translation>중심선 단순이동평균에 쓰는 캔들 수입니다.</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>폭</translation>
    </message>
    <message>
        <source>Standard deviations between the middle and the outer bands.</source>
        <translation>중심선과 바깥 밴드 사이의 표준편차 배수입니다.</translation>
    </message>
    <message>
        <source>Grid trading</source>
        <translation>그리드 매매</translation>
    </message>
    <message>
        <source>Places limit buys on evenly spaced price levels below the current price; when a buy fills, sells the same quantity one level higher, and when that sell fills, buys again one level lower.</source>
        <translation>현재가 아래의 일정한 간격의 가격 단계마다 지정가 매수를 걸고, 매수가 체결되면 한 단계 위에서 같은 수량을 매도하며, 그 매도가 체결되면 한 단계 아래에서 다시 매수합니다.</translation>
    </message>
    <message>
        <source>Lower price</source>
        <translation>하단 가격</translation>
    </message>
    <message>
        <source>The lowest grid level.</source>
        <translation>가장 낮은 그리드 단계입니다.</translation>
    </message>
    <message>
        <source>Upper price</source>
        <translation>상단 가격</translation>
    </message>
    <message>
        <source>The highest grid level.</source>
        <translation>가장 높은 그리드 단계입니다.</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>단계 수</translation>
    </message>
    <message>
        <source>Number of price levels, both bounds included.</source>
        <translation>양 끝을 포함한 가격 단계의 수입니다.</translation>
    </message>
    <message>
        <source>Quantity per level</source>
        <translation>단계별 수량</translation>
    </message>
    <message>
        <source>Quantity of the base currency in each level&apos;s order.</source>
        <translation>각 단계 주문의 기준 통화 수량입니다.</translation>
    </message>
    <message>
        <source>Dollar-cost averaging</source>
        <translation>적립식 매수(DCA)</translation>
    </message>
    <message>
        <source>Buys for the same amount at a fixed period, whatever the price.</source>
        <translation>가격과 관계없이 정해진 주기마다 같은 금액으로 매수합니다.</translation>
    </message>
    <message>
        <source>Time between buys, for example 30s, 5m, 4h or 1d.</source>
        <translation>매수 간격입니다. 예: 30s, 5m, 4h, 1d.</translation>
    </message>
</context>
<context>
    <name>hoga::CancelAllBatch</name>
    <message>
        <source>Cancelling 1 order…</source>
        <translation>주문 1건 취소 중…</translation>
    </message>
    <message>
        <source>Cancelling %1 orders…</source>
        <translation>주문 %1건 취소 중…</translation>
    </message>
    <message>
        <source>%1 of 1 order cancelled.</source>
        <translation>1건 중 %1건 취소됨.</translation>
    </message>
    <message>
        <source>%1 of %2 orders cancelled.</source>
        <translation>%2건 중 %1건 취소됨.</translation>
    </message>
    <message>
        <source>%1 filled before the cancel arrived.</source>
        <translation>%1건은 취소 전에 체결됨.</translation>
    </message>
    <message>
        <source>%1 not confirmed by the venue yet.</source>
        <translation>%1건은 아직 거래소 확인 대기 중.</translation>
    </message>
    <message>
        <source>%1 not cancelled: %2</source>
        <translation>%1건 취소 실패: %2</translation>
    </message>
</context>
<context>
    <name>hoga::CandleChartView</name>
    <message>
        <source>O</source>
        <translation>시가</translation>
    </message>
    <message>
        <source>H</source>
        <translation>고가</translation>
    </message>
    <message>
        <source>L</source>
        <translation>저가</translation>
    </message>
    <message>
        <source>C</source>
        <translation>종가</translation>
    </message>
    <message>
        <source>Vol</source>
        <translation>거래량</translation>
    </message>
    <message>
        <source>MA%1</source>
        <translation>MA%1</translation>
    </message>
</context>
<context>
    <name>hoga::CandleCsv</name>
    <message>
        <source>The first line must be the header open_time,open,high,low,close,volume.</source>
        <translation>첫 줄은 open_time,open,high,low,close,volume 헤더여야 합니다.</translation>
    </message>
    <message>
        <source>Line %1 is not open_time,open,high,low,close,volume.</source>
        <translation>%1번째 줄이 open_time,open,high,low,close,volume 형식이 아닙니다.</translation>
    </message>
    <message>
        <source>Line %1: low and high do not enclose open and close.</source>
        <translation>%1번째 줄: 저가와 고가 사이에 시가와 종가가 들어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Line %1: candles must be in increasing open_time order.</source>
        <translation>%1번째 줄: 캔들은 open_time이 증가하는 순서여야 합니다.</translation>
    </message>
    <message>
        <source>The candle file is empty.</source>
        <translation>캔들 파일이 비어 있습니다.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>hoga::ChartTab</name>
    <message>
        <source>1m</source>
        <translation>1분</translation>
    </message>
    <message>
        <source>1-minute candles</source>
        <translation>1분봉</translation>
    </message>
    <message>
        <source>3m</source>
        <translation>3분</translation>
    </message>
    <message>
        <source>3-minute candles</source>
        <translation>3분봉</translation>
    </message>
    <message>
        <source>5m</source>
        <translation>5분</translation>
    </message>
    <message>
        <source>5-minute candles</source>
        <translation>5분봉</translation>
    </message>
    <message>
        <source>15m</source>
        <translation>15분</translation>
    </message>
    <message>
        <source>15-minute candles</source>
        <translation>15분봉</translation>
    </message>
    <message>
        <source>30m</source>
        <translation>30분</translation>
    </message>
    <message>
        <source>30-minute candles</source>
        <translation>30분봉</translation>
    </message>
    <message>
        <source>1h</source>
        <translation>1시간</translation>
    </message>
    <message>
        <source>1-hour candles</source>
        <translation>1시간봉</translation>
    </message>
    <message>
        <source>4h</source>
        <translation>4시간</translation>
    </message>
    <message>
        <source>4-hour candles</source>
        <translation>4시간봉</translation>
    </message>
    <message>
        <source>1D</source>
        <translation>일</translation>
    </message>
    <message>
        <source>Daily candles</source>
        <translation>일봉</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Prices come from the built-in market simulator, not from a real exchange.</source>
        <translation>가격은 실제 거래소가 아닌 내장 시장 시뮬레이터에서 생성됩니다.</translation>
    </message>
    <message>
        <source>Choose a market to see its chart.</source>
        <translation>차트를 볼 종목을 선택하세요.</translation>
    </message>
    <message>
        <source>Waiting for the market data connection…</source>
        <translation>시세 연결을 기다리는 중…</translation>
    </message>
    <message>
        <source>Loading chart…</source>
        <translation>차트 불러오는 중…</translation>
    </message>
    <message>
        <source>No candles for this market yet</source>
        <translation>이 종목의 캔들이 아직 없습니다</translation>
    </message>
    <message>
        <source>No market selected</source>
        <translation>선택된 종목 없음</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
</context>
<context>
    <name>hoga::Cli</name>
    <message>
        <source>The venue did not answer within %1 ms.</source>
        <translation>거래소가 %1ms 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>Internal error: %1</source>
        <translation>내부 오류: %1</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; has no keys for %2.</source>
        <translation>&quot;%1&quot; 프로필에 %2 키가 없습니다.</translation>
    </message>
    <message>
        <source>Run hoga-cli --help for usage.</source>
        <translation>사용법은 hoga-cli --help로 확인하세요.</translation>
    </message>
    <message>
        <source>Unknown option --%1.</source>
        <translation>알 수 없는 옵션입니다: --%1.</translation>
    </message>
    <message>
        <source>--%1 is given more than once.</source>
        <translation>--%1 옵션이 두 번 이상 지정되었습니다.</translation>
    </message>
    <message>
        <source>--%1 needs a value.</source>
        <translation>--%1 옵션에는 값이 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 takes no value.</source>
        <translation>--%1 옵션은 값을 받지 않습니다.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>알 수 없는 옵션입니다: %1.</translation>
    </message>
    <message>
        <source>--%1 takes a whole number above zero, not &quot;%2&quot;.</source>
        <translation>--%1 옵션에는 0보다 큰 정수를 지정하세요 (&quot;%2&quot;은(는) 올바르지 않습니다).</translation>
    </message>
    <message>
        <source>--%1 takes a decimal number such as 45000000 or 0.0001, not &quot;%2&quot;.</source>
        <translation>--%1 옵션에는 45000000 또는 0.0001 같은 십진수를 지정하세요 (&quot;%2&quot;은(는) 올바르지 않습니다).</translation>
    </message>
    <message>
        <source>--%1 must be greater than zero.</source>
        <translation>--%1 옵션은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>--%1 takes a %2 URL such as %3, not &quot;%4&quot;.</source>
        <translation>--%1 옵션에는 %3 같은 %2 URL을 지정하세요 (&quot;%4&quot;은(는) 올바르지 않습니다).</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>명령이 지정되지 않았습니다.</translation>
    </message>
    <message>
        <source>Use: orders open [MARKET].</source>
        <translation>사용법: orders open [MARKET].</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>알 수 없는 명령입니다: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--%1 does not apply to %2.</source>
        <translation>--%1 옵션은 %2에 적용되지 않습니다.</translation>
    </message>
    <message>
        <source>%1 needs a market, such as KRW-BTC.</source>
        <translation>%1 명령에는 KRW-BTC 같은 종목이 필요합니다.</translation>
    </message>
    <message>
        <source>%1 needs at least one market, such as KRW-BTC.</source>
        <translation>%1 명령에는 KRW-BTC 같은 종목이 하나 이상 필요합니다.</translation>
    </message>
    <message>
        <source>%1 takes no market; unexpected &quot;%2&quot;.</source>
        <translation>%1 명령은 종목을 받지 않습니다. 예상치 못한 인수: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 takes one market; unexpected &quot;%2&quot;.</source>
        <translation>%1 명령은 종목을 하나만 받습니다. 예상치 못한 인수: &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>A market code cannot be empty.</source>
        <translation>종목 코드는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>candles needs --interval: 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m, 1d, 1w or 1M.</source>
        <translation>candles 명령에는 --interval이 필요합니다: 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m, 1d, 1w 또는 1M.</translation>
    </message>
    <message>
        <source>Unknown interval &quot;%1&quot;: use 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m, 1d, 1w or 1M.</source>
        <translation>알 수 없는 간격입니다: &quot;%1&quot;. 1s, 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m, 1d, 1w 또는 1M을 사용하세요.</translation>
    </message>
    <message>
        <source>--to takes an ISO 8601 time such as 2024-05-01T09:00:00Z, not &quot;%1&quot;.</source>
        <translation>--to 옵션에는 2024-05-01T09:00:00Z 같은 ISO 8601 시각을 지정하세요 (&quot;%1&quot;은(는) 올바르지 않습니다).</translation>
    </message>
    <message>
        <source>--to must be after 1970-01-01T00:00:00Z.</source>
        <translation>--to 옵션은 1970-01-01T00:00:00Z 이후여야 합니다.</translation>
    </message>
    <message>
        <source>%1 needs either --id ID or --client-id ID.</source>
        <translation>%1 명령에는 --id ID 또는 --client-id ID가 필요합니다.</translation>
    </message>
    <message>
        <source>An order id cannot be empty.</source>
        <translation>주문 ID는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>order create needs --side buy or --side sell.</source>
        <translation>order create 명령에는 --side buy 또는 --side sell이 필요합니다.</translation>
    </message>
    <message>
        <source>A limit order needs --price and --qty (and no --total).</source>
        <translation>지정가 주문에는 --price와 --qty가 필요합니다 (--total은 지정할 수 없습니다).</translation>
    </message>
    <message>
        <source>A market buy needs either --total (amount to spend) or --qty, and no --price.</source>
        <translation>시장가 매수에는 --total(사용할 금액)과 --qty 중 하나가 필요하며, --price는 지정할 수 없습니다.</translation>
    </message>
    <message>
        <source>A market sell needs --qty (and no --price or --total).</source>
        <translation>시장가 매도에는 --qty가 필요합니다 (--price나 --total은 지정할 수 없습니다).</translation>
    </message>
    <message>
        <source>--client-id cannot be empty.</source>
        <translation>--client-id는 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Use: stream ticker, stream trade or stream orderbook.</source>
        <translation>사용법: stream ticker, stream trade 또는 stream orderbook.</translation>
    </message>
    <message>
        <source>%1 needs --count N: the number of records to print.</source>
        <translation>%1 명령에는 --count N(출력할 레코드 수)이 필요합니다.</translation>
    </message>
    <message>
        <source>%1 takes the profile name as an operand, not --profile.</source>
        <translation>%1 명령은 프로필 이름을 --profile이 아닌 피연산자로 받습니다.</translation>
    </message>
    <message>
        <source>%1 needs exactly one profile name (quote a name with spaces).</source>
        <translation>%1 명령에는 프로필 이름을 정확히 하나 지정하세요 (공백이 있는 이름은 따옴표로 감싸세요).</translation>
    </message>
    <message>
        <source>A profile name cannot be empty.</source>
        <translation>프로필 이름은 비워 둘 수 없습니다.</translation>
    </message>
    <message>
        <source>Use: profile create NAME, profile list or profile delete NAME.</source>
        <translation>사용법: profile create NAME, profile list 또는 profile delete NAME.</translation>
    </message>
    <message>
        <source>Use: keys set, keys list, keys test or keys remove.</source>
        <translation>사용법: keys set, keys list, keys test 또는 keys remove.</translation>
    </message>
    <message>
        <source>%1 needs --profile NAME.</source>
        <translation>%1 명령에는 --profile NAME이 필요합니다.</translation>
    </message>
    <message>
        <source>keys list takes no --venue.</source>
        <translation>keys list 명령은 --venue를 받지 않습니다.</translation>
    </message>
    <message>
        <source>%1 takes no further operands.</source>
        <translation>%1 명령은 추가 피연산자를 받지 않습니다.</translation>
    </message>
    <message>
        <source>--profile needs a profile name.</source>
        <translation>--profile 옵션에는 프로필 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 does not apply to the simulated venue.</source>
        <translation>--%1 옵션은 모의 거래소에 적용되지 않습니다.</translation>
    </message>
    <message>
        <source>--sim-state only applies to --venue sim.</source>
        <translation>--sim-state 옵션은 --venue sim에서만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>--sim-state needs a file name.</source>
        <translation>--sim-state 옵션에는 파일 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>The venue &quot;%1&quot; is not available in this build.</source>
        <translation>&quot;%1&quot; 거래소는 이 빌드에서 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>This command needs API keys: profile &quot;%1&quot; has none for %2 (add them with hoga-cli --profile &quot;%1&quot; keys set --venue %2).</source>
        <translation>이 명령에는 API 키가 필요합니다: &quot;%1&quot; 프로필에 %2 키가 없습니다 (hoga-cli --profile &quot;%1&quot; keys set --venue %2 명령으로 추가하세요).</translation>
    </message>
    <message>
        <source>This command needs API keys: set HOGA_API_KEY and HOGA_API_SECRET.</source>
        <translation>이 명령에는 API 키가 필요합니다: HOGA_API_KEY와 HOGA_API_SECRET을 설정하세요.</translation>
    </message>
    <message>
        <source>The venue sent no ticker for %1.</source>
        <translation>거래소가 %1 시세를 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>The venue has no market %1.</source>
        <translation>거래소에 %1 종목이 없습니다.</translation>
    </message>
    <message>
        <source>The stream delivered %1 of %2 records within %3 ms.</source>
        <translation>스트림이 %3ms 안에 레코드 %2개 중 %1개만 전달했습니다.</translation>
    </message>
    <message>
        <source>Set both %1 and %2, or neither (only %3 is set).</source>
        <translation>%1, %2 환경 변수를 모두 설정하거나 모두 비워 두세요 (현재 %3만 설정되어 있습니다).</translation>
    </message>
    <message>
        <source>The key store did not answer within %1 ms.</source>
        <translation>키 저장소가 %1ms 안에 응답하지 않았습니다.</translation>
    </message>
    <message>
        <source>There is no profile named &quot;%1&quot;. List them with hoga-cli profile list.</source>
        <translation>&quot;%1&quot; 프로필이 없습니다. hoga-cli profile list로 프로필 목록을 확인하세요.</translation>
    </message>
    <message>
        <source>Cannot read the simulated venue&apos;s state file %1: %2</source>
        <translation>모의 거래소 상태 파일 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The simulated venue&apos;s state file %1 is damaged at line %2. Delete it to start over.</source>
        <translation>모의 거래소 상태 파일 %1의 %2번째 줄이 손상되었습니다. 처음부터 다시 시작하려면 파일을 삭제하세요.</translation>
    </message>
    <message>
        <source>Cannot write the simulated venue&apos;s state file %1: %2</source>
        <translation>모의 거래소 상태 파일 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder of the simulated venue&apos;s state file %1.</source>
        <translation>모의 거래소 상태 파일 %1의 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Another hoga-cli run is using the simulated venue&apos;s state file %1.</source>
        <translation>다른 hoga-cli 실행이 모의 거래소 상태 파일 %1을(를) 사용 중입니다.</translation>
    </message>
    <message>
        <source>The simulated venue&apos;s state file %1 no longer replays (entry %2: %3). Delete it to start over.</source>
        <translation>모의 거래소 상태 파일 %1을(를) 더 이상 재생할 수 없습니다 (항목 %2: %3). 처음부터 다시 시작하려면 파일을 삭제하세요.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>&quot;%1&quot; 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Deleting the profile did not finish within %1 ms.</source>
        <translation>프로필 삭제가 %1ms 안에 끝나지 않았습니다.</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; is paper-only: it cannot hold API keys of a live venue.</source>
        <translation>&quot;%1&quot; 프로필은 모의 전용이므로 실제 거래소의 API 키를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>keys set reads two lines from standard input: the access key, then the secret key (printable characters, no spaces).</source>
        <translation>keys set 명령은 표준 입력에서 두 줄을 읽습니다: Access Key, 그다음 Secret Key (공백 없는 출력 가능 문자).</translation>
    </message>
    <message>
        <source>Password for profile &quot;%1&quot;: </source>
        <translation>&quot;%1&quot; 프로필 비밀번호: </translation>
    </message>
    <message>
        <source>No terminal to ask the profile password on: set %1.</source>
        <translation>프로필 비밀번호를 입력받을 터미널이 없습니다: %1을(를) 설정하세요.</translation>
    </message>
    <message>
        <source>Type the password again: </source>
        <translation>비밀번호를 다시 입력하세요: </translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>두 비밀번호가 다릅니다. 아무것도 변경되지 않았습니다.</translation>
    </message>
    <message>
        <source>order create needs --type limit, --type market or --type best.</source>
        <translation>order create에는 --type limit, --type market 또는 --type best가 필요합니다.</translation>
    </message>
    <message>
        <source>--tif must be gtc, ioc, fok or post_only.</source>
        <translation>--tif 값은 gtc, ioc, fok, post_only 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>A market order takes no --tif; use --type best with --tif ioc or fok.</source>
        <translation>시장가 주문에는 --tif를 지정할 수 없습니다. --type best와 --tif ioc 또는 fok를 사용하세요.</translation>
    </message>
    <message>
        <source>A best order needs --tif ioc or --tif fok.</source>
        <translation>최유리 주문에는 --tif ioc 또는 --tif fok가 필요합니다.</translation>
    </message>
    <message>
        <source>A best buy needs --total (amount to spend), and no --price or --qty.</source>
        <translation>최유리 매수에는 --total(사용할 금액)이 필요하며 --price와 --qty는 지정할 수 없습니다.</translation>
    </message>
    <message>
        <source>A best sell needs --qty (and no --price or --total).</source>
        <translation>최유리 매도에는 --qty가 필요합니다(--price와 --total은 지정할 수 없음).</translation>
    </message>
    <message>
        <source>The simulated venue&apos;s state file %1 is damaged at line %2: market step %3 is further than its time allows (at most %4). Delete it to start over.</source>
        <translation>모의 거래소 상태 파일 %1의 %2번째 줄이 손상되었습니다: 시장 단계 %3이(가) 기록된 시간으로 가능한 범위(최대 %4)를 넘습니다. 처음부터 다시 시작하려면 파일을 삭제하세요.</translation>
    </message>
    <message>
        <source>The simulated venue&apos;s state file %1 did not replay within %2 ms (market step %3 of %4). Use a longer --timeout-ms, or delete the file to start over.</source>
        <translation>모의 거래소 상태 파일 %1을(를) %2 ms 안에 재생하지 못했습니다(시장 단계 %3/%4). --timeout-ms를 늘리거나, 처음부터 다시 시작하려면 파일을 삭제하세요.</translation>
    </message>
    <message>
        <source>keys set reads the keys and the venue&apos;s other fields from standard input (one per line), never from the command line: remove them from the arguments.</source>
        <translation>keys set 명령은 키와 거래소의 기타 항목을 명령줄이 아닌 표준 입력에서 한 줄에 하나씩 읽습니다. 인수에서 제거하세요.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 값은 다음 중 하나여야 합니다: %2.</translation>
    </message>
    <message>
        <source>Set %1 as well: %2 keys need the field &quot;%3&quot;.</source>
        <translation>%1 환경 변수도 설정하세요: %2 키에는 &quot;%3&quot; 항목이 필요합니다.</translation>
    </message>
    <message>
        <source>%1, optional</source>
        <translation>%1, 선택 사항</translation>
    </message>
    <message>
        <source>keys set --venue %1 reads one line per field from standard input, in this order: %2. Keys are printable characters without spaces; an optional field may be an empty line.</source>
        <translation>keys set --venue %1 명령은 표준 입력에서 항목마다 한 줄씩 다음 순서로 읽습니다: %2. 키는 공백 없는 출력 가능 문자이며, 선택 항목은 빈 줄로 둘 수 있습니다.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not valid.</source>
        <translation>&quot;%1&quot; 항목이 없거나 올바르지 않습니다.</translation>
    </message>
    <message>
        <source>%1 needs --venue upbit or --venue bithumb, or --venue binance.</source>
        <translation>%1에는 --venue upbit, --venue bithumb 또는 --venue binance가 필요합니다.</translation>
    </message>
    <message>
        <source>--testnet only applies to --venue binance.</source>
        <translation>--testnet은 --venue binance에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>--venue is required: upbit, bithumb, binance or sim.</source>
        <translation>--venue가 필요합니다: upbit, bithumb, binance 또는 sim.</translation>
    </message>
    <message>
        <source>Unknown venue &quot;%1&quot;: use upbit, bithumb, binance or sim.</source>
        <translation>알 수 없는 거래소 &quot;%1&quot;: upbit, bithumb, binance 또는 sim을 쓰세요.</translation>
    </message>
    <message>
        <source>--testnet and --ws-api-url only apply to --venue binance.</source>
        <translation>--testnet과 --ws-api-url은 --venue binance에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>Binance&apos;s account stream is its WebSocket API: use --ws-api-url.</source>
        <translation>바이낸스의 계정 스트림은 WebSocket API입니다: --ws-api-url을 쓰세요.</translation>
    </message>
    <message>
        <source>--%1 only applies to --venue kis.</source>
        <translation>--%1은(는) --venue kis에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>--account needs an account number (12345678-01).</source>
        <translation>--account에는 계좌번호(12345678-01)가 필요합니다.</translation>
    </message>
    <message>
        <source>backtest needs --strategy and --candles.</source>
        <translation>backtest에는 --strategy와 --candles가 필요합니다.</translation>
    </message>
    <message>
        <source>Unknown strategy &quot;%1&quot;; choose one of: %2.</source>
        <translation>알 수 없는 전략 &quot;%1&quot;; 다음 중에서 고르세요: %2.</translation>
    </message>
    <message>
        <source>--param takes KEY=VALUE, not &quot;%1&quot;.</source>
        <translation>--param은 KEY=VALUE 형식입니다. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>--fee-rate takes a fraction such as 0.0005, not &quot;%1&quot;.</source>
        <translation>--fee-rate에는 0.0005 같은 비율을 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>--initial-cash takes an amount above zero, not &quot;%1&quot;.</source>
        <translation>--initial-cash에는 0보다 큰 금액을 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>indicators needs --name, one of: %1.</source>
        <translation>indicators에는 --name이 필요합니다. 다음 중 하나: %1.</translation>
    </message>
    <message>
        <source>indicators needs --candles FILE.csv.</source>
        <translation>indicators에는 --candles FILE.csv가 필요합니다.</translation>
    </message>
    <message>
        <source>%1 has no parameter %2; it takes: %3.</source>
        <translation>%1에는 %2 파라미터가 없습니다. 받는 파라미터: %3.</translation>
    </message>
    <message>
        <source>%1 takes a whole number from 1 to 10000, not &quot;%2&quot;.</source>
        <translation>%1에는 1부터 10000까지의 정수를 쓰세요. &quot;%2&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>k takes a number above zero, not &quot;%1&quot;.</source>
        <translation>k에는 0보다 큰 수를 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>macd needs fast below slow.</source>
        <translation>macd는 fast가 slow보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>record needs --markets, such as KRW-BTC,KRW-ETH.</source>
        <translation>record에는 KRW-BTC,KRW-ETH 같은 --markets가 필요합니다.</translation>
    </message>
    <message>
        <source>--channels takes ticker, trade and orderbook, not &quot;%1&quot;.</source>
        <translation>--channels에는 ticker, trade, orderbook을 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>--db takes a file, sqlite:///path or postgresql://user@host:port/db, not &quot;%1&quot;.</source>
        <translation>--db에는 파일, sqlite:///경로 또는 postgresql://user@host:port/db를 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>export needs --market, such as KRW-BTC.</source>
        <translation>export에는 KRW-BTC 같은 --market이 필요합니다.</translation>
    </message>
    <message>
        <source>There is no market-data database at %1.</source>
        <translation>%1에 시세 데이터베이스가 없습니다.</translation>
    </message>
    <message>
        <source>Unknown interval &quot;%1&quot;.</source>
        <translation>알 수 없는 간격 &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>%1 was recorded from several venues (%2): choose one with --venue.</source>
        <translation>%1은(는) 여러 거래소(%2)에서 기록되었습니다: --venue로 하나를 고르세요.</translation>
    </message>
    <message>
        <source>Nothing was recorded for %1.</source>
        <translation>%1에 대해 기록된 것이 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. The engine commands are bot run, bot list, bot stop, journal orders, emergency-stop and rearm.</source>
        <translation>알 수 없는 명령 &quot;%1&quot;. 엔진 명령은 bot run, bot list, bot stop, journal orders, emergency-stop, rearm입니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>%1 needs --venue.</source>
        <translation>%1에는 --venue가 필요합니다.</translation>
    </message>
    <message>
        <source>--%1 takes a decimal amount of zero or more, not &quot;%2&quot;.</source>
        <translation>--%1에는 0 이상의 소수 금액을 쓰세요. &quot;%2&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>bot run needs --strategy and --market, or the --id of a saved bot.</source>
        <translation>bot run에는 --strategy와 --market, 또는 저장된 봇의 --id가 필요합니다.</translation>
    </message>
    <message>
        <source>A bot id has 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, not &quot;%1&quot;.</source>
        <translation>봇 ID는 영문자, 숫자, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;로 된 1~64자여야 합니다. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The bot %1 was saved with --%2 %3; run it with that, or choose another --id.</source>
        <translation>봇 %1은(는) --%2 %3(으)로 저장되어 있습니다. 그 값으로 실행하거나 다른 --id를 고르세요.</translation>
    </message>
    <message>
        <source>The bot %1 was halted: %2. Run it with --rearm to start it again.</source>
        <translation>봇 %1은(는) 정지되었습니다: %2. 다시 시작하려면 --rearm을 붙여 실행하세요.</translation>
    </message>
    <message>
        <source>There is no saved bot %1: give --strategy and --market.</source>
        <translation>저장된 봇 %1이(가) 없습니다: --strategy와 --market을 주세요.</translation>
    </message>
    <message>
        <source>There is no strategy &quot;%1&quot;; choose one of %2.</source>
        <translation>전략 &quot;%1&quot;이(가) 없습니다. 다음 중에서 고르세요: %2.</translation>
    </message>
    <message>
        <source>The bot %1 is already running (process %2).</source>
        <translation>봇 %1이(가) 이미 실행 중입니다(프로세스 %2).</translation>
    </message>
    <message>
        <source>The bot %1 trades on %2; run it with that venue, or choose another --id.</source>
        <translation>봇 %1은(는) %2에서 거래합니다. 그 거래소로 실행하거나 다른 --id를 고르세요.</translation>
    </message>
    <message>
        <source>The orders at %1 could not be reconciled: %2</source>
        <translation>%1의 주문을 대사(reconcile)하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>The orders at %1 were not reconciled within %2 ms.</source>
        <translation>%1의 주문을 %2ms 안에 대사하지 못했습니다.</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop; re-arm it with hoga-cli rearm first.</source>
        <translation>긴급 정지로 거래가 중단되어 있습니다. 먼저 hoga-cli rearm으로 재개하세요.</translation>
    </message>
    <message>
        <source>The venue %1 has no market %2.</source>
        <translation>거래소 %1에 마켓 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop.</source>
        <translation>긴급 정지로 거래가 중단되었습니다.</translation>
    </message>
    <message>
        <source>bot stop needs the --id of a bot.</source>
        <translation>bot stop에는 봇의 --id가 필요합니다.</translation>
    </message>
    <message>
        <source>There is no bot %1. List them with hoga-cli bot list.</source>
        <translation>봇 %1이(가) 없습니다. hoga-cli bot list로 목록을 보세요.</translation>
    </message>
    <message>
        <source>The run of bot %1 did not stop in time.</source>
        <translation>봇 %1의 실행이 제시간에 멈추지 않았습니다.</translation>
    </message>
    <message>
        <source>Emergency stop from hoga-cli</source>
        <translation>hoga-cli에서 긴급 정지</translation>
    </message>
    <message>
        <source>Trading is halted, but %1 did not confirm the cancels within %2 ms.</source>
        <translation>거래는 중단되었지만 %1이(가) %2ms 안에 취소를 확인해 주지 않았습니다.</translation>
    </message>
    <message>
        <source>Trading is halted, but some orders may still be open: see still_open and errors.</source>
        <translation>거래는 중단되었지만 일부 주문이 아직 열려 있을 수 있습니다: still_open과 errors를 보세요.</translation>
    </message>
    <message>
        <source>Use: --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv</source>
        <translation>사용법: --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv</translation>
    </message>
    <message>
        <source>--from and --to take ISO 8601 times such as 2024-05-01T09:00:00Z, --from first.</source>
        <translation>--from과 --to에는 2024-05-01T09:00:00Z 같은 ISO 8601 시각을 쓰고, --from이 먼저여야 합니다.</translation>
    </message>
    <message>
        <source>That is more than %1 candles; download a shorter period.</source>
        <translation>캔들이 %1개를 넘습니다. 더 짧은 기간을 내려받으세요.</translation>
    </message>
    <message>
        <source>Use: --profile P db-password --db postgresql://user@host:port/db, with the password on standard input.</source>
        <translation>사용법: --profile P db-password --db postgresql://user@host:port/db, 비밀번호는 표준 입력으로.</translation>
    </message>
    <message>
        <source>Give the database password on standard input.</source>
        <translation>데이터베이스 비밀번호를 표준 입력으로 주세요.</translation>
    </message>
    <message>
        <source>export orders and fills need --profile P.</source>
        <translation>export orders와 fills에는 --profile P가 필요합니다.</translation>
    </message>
    <message>
        <source>Use: export candles|trades --db URL --market M, or export orders|fills --profile P.</source>
        <translation>사용법: export candles|trades --db URL --market M, 또는 export orders|fills --profile P.</translation>
    </message>
    <message>
        <source>--param model_name applies to ml_signal only.</source>
        <translation>--param model_name은 ml_signal에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>The saved model &quot;%1&quot; cannot be read.</source>
        <translation>저장된 모델 &quot;%1&quot;을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>--from takes an ISO 8601 time such as 2024-05-01T09:00:00Z, not &quot;%1&quot;.</source>
        <translation>--from에는 2024-05-01T09:00:00Z 같은 ISO 8601 시각을 넣어야 합니다. &quot;%1&quot;은(는) 안 됩니다.</translation>
    </message>
    <message>
        <source>--from must be after 1970-01-01T00:00:00Z.</source>
        <translation>--from은 1970-01-01T00:00:00Z 이후여야 합니다.</translation>
    </message>
    <message>
        <source>--from must be before --to.</source>
        <translation>--from은 --to보다 앞서야 합니다.</translation>
    </message>
    <message>
        <source>%1 The order %2 may have reached the venue; the next command looks it up before anything else.</source>
        <translation>%1 주문 %2이(가) 거래소에 도달했을 수 있습니다. 다음 명령이 무엇보다 먼저 이 주문을 조회합니다.</translation>
    </message>
    <message>
        <source>--param model_name applies to a single backtest of ml_signal only.</source>
        <translation>--param model_name은 ml_signal 단일 백테스트에만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>The saved model &quot;%1&quot; is a %2 model.</source>
        <translation>저장된 모델 &quot;%1&quot;은(는) %2 모델입니다.</translation>
    </message>
    <message>
        <source>ml takes train or list.</source>
        <translation>ml 다음에는 train 또는 list가 와야 합니다.</translation>
    </message>
    <message>
        <source>ml list takes no options but --profile.</source>
        <translation>ml list는 --profile 외의 옵션을 받지 않습니다.</translation>
    </message>
    <message>
        <source>ml train needs --candles.</source>
        <translation>ml train에는 --candles가 필요합니다.</translation>
    </message>
    <message>
        <source>--model takes linear or forest, not &quot;%1&quot;.</source>
        <translation>--model에는 linear 또는 forest를 넣어야 합니다. &quot;%1&quot;은(는) 안 됩니다.</translation>
    </message>
    <message>
        <source>--name takes 1 to 64 letters, digits, _ or -, not &quot;%1&quot;.</source>
        <translation>--name에는 문자, 숫자, _, - 로 1~64자를 넣어야 합니다. &quot;%1&quot;은(는) 안 됩니다.</translation>
    </message>
    <message>
        <source>ml train takes the model as --model.</source>
        <translation>ml train에서는 모델을 --model로 지정합니다.</translation>
    </message>
    <message>
        <source>Too few candles to train on: the training window needs %1 outcomes.</source>
        <translation>학습할 캔들이 너무 적습니다. 학습 구간에 결과 %1개가 필요합니다.</translation>
    </message>
    <message>
        <source>
Trading engine (bots trade until SIGINT/SIGTERM or --for-seconds; orders are journaled in the
profile&apos;s database, or hoga-cli&apos;s own without --profile):
  --venue V bot run --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --market M [--param KEY=VALUE ...]
                    [--id NAME] [--for-seconds N] [--rearm] [--max-order-value X]
                    [--max-position X] [--max-open-orders N] [--max-orders-per-minute N]
                    [--max-price-deviation-pct X] [--cash-reserve X] [--daily-loss-limit X]
                    (the same --id resumes a saved bot; with --venue sim and --profile the
                    bot trades the profile&apos;s paper account)
  bot list
  bot stop --id NAME   (the run stops, cancelling the bot&apos;s open orders)
  journal orders [--bot NAME] [--venue V]
  --venue V emergency-stop [--reason TEXT]   (halts every bot of the profile and cancels every
                                             open order at V; trading stays halted)
  rearm   (allows trading again after an emergency stop)
</source>
        <translation>
Trading engine (bots trade until SIGINT/SIGTERM or --for-seconds; orders are journaled in the
profile&apos;s database, or hoga-cli&apos;s own without --profile):
  --venue V bot run --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --market M [--param KEY=VALUE ...]
                    [--id NAME] [--for-seconds N] [--rearm] [--max-order-value X]
                    [--max-position X] [--max-open-orders N] [--max-orders-per-minute N]
                    [--max-price-deviation-pct X] [--cash-reserve X] [--daily-loss-limit X]
                    (the same --id resumes a saved bot; with --venue sim and --profile the
                    bot trades the profile&apos;s paper account)
  bot list
  bot stop --id NAME   (the run stops, cancelling the bot&apos;s open orders)
  journal orders [--bot NAME] [--venue V]
  --venue V emergency-stop [--reason TEXT]   (halts every bot of the profile and cancels every
                                             open order at V; trading stays halted)
  rearm   (allows trading again after an emergency stop)
</translation>
    </message>
    <message>
        <source>
Research (see app/research/README.md):
  --venue V record --markets A,B --channels ticker,trade,orderbook [--for-seconds N] [--db URL]
  --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv
  export candles|trades|orders|fills [--db URL] [--market M] [--interval I] --out FILE.csv
  db-password --db postgresql://...   (keeps the password in the profile&apos;s key store)
  backtest --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --candles FILE.csv
           [--param KEY=VALUE ...] [--sweep KEY=FROM:TO:STEP|A,B ...] [--fee-rate R]
           [--initial-cash C] [--market M]
  indicators --name sma|ema|rsi|bbands|macd|atr [--period N] [--param KEY=VALUE ...] --candles FILE.csv
  ml train --candles FILE.csv --model linear|forest [--name N] [--param KEY=VALUE ...]
  ml list   (models saved in the profile; ml_signal uses one with --param model_name=N)
</source>
        <translation>
Research (see app/research/README.md):
  --venue V record --markets A,B --channels ticker,trade,orderbook [--for-seconds N] [--db URL]
  --venue V download --market M --interval I --from ISO8601 [--to ISO8601] --out FILE.csv
  export candles|trades|orders|fills [--db URL] [--market M] [--interval I] --out FILE.csv
  db-password --db postgresql://...   (keeps the password in the profile&apos;s key store)
  backtest --strategy sma_cross|rsi|bollinger|grid|dca|ml_signal --candles FILE.csv
           [--param KEY=VALUE ...] [--sweep KEY=FROM:TO:STEP|A,B ...] [--fee-rate R]
           [--initial-cash C] [--market M]
  indicators --name sma|ema|rsi|bbands|macd|atr [--period N] [--param KEY=VALUE ...] --candles FILE.csv
  ml train --candles FILE.csv --model linear|forest [--name N] [--param KEY=VALUE ...]
  ml list   (models saved in the profile; ml_signal uses one with --param model_name=N)
</translation>
    </message>
    <message>
        <source>order modify needs the order&apos;s id.</source>
        <translation>order modify에는 주문 번호가 필요합니다.</translation>
    </message>
    <message>
        <source>order modify needs --market CODE.</source>
        <translation>order modify에는 --market CODE가 필요합니다.</translation>
    </message>
    <message>
        <source>order modify needs --price P.</source>
        <translation>order modify에는 --price P가 필요합니다.</translation>
    </message>
    <message>
        <source>Use: order create, order get, order modify or order cancel.</source>
        <translation>사용법: order create, order get, order modify 또는 order cancel.</translation>
    </message>
    <message>
        <source>The order %1 is in market %2, not %3.</source>
        <translation>주문 %1은(는) %3이(가) 아니라 %2 종목의 주문입니다.</translation>
    </message>
    <message>
        <source>The order was modified at the venue (new order %1) but the journal could not record it: %2</source>
        <translation>거래소에서 주문이 정정되었지만(새 주문 %1) 주문 기록에 저장하지 못했습니다: %2</translation>
    </message>
    <message>
        <source>--session must be regular, pre_market_close, post_market_close or after_hours_single.</source>
        <translation>--session은 regular, pre_market_close, post_market_close, after_hours_single 중 하나여야 합니다.</translation>
    </message>
    <message>
        <source>An after-hours --session takes --type limit only.</source>
        <translation>시간외 --session에는 --type limit만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <source>A closing-price --session trades at the close: give --qty, and no --price or --total.</source>
        <translation>시간외 종가 --session은 종가로 체결됩니다. --qty만 주고 --price나 --total은 주지 마세요.</translation>
    </message>
    <message>
        <source>Usage: hoga-cli [--profile NAME] --venue upbit|bithumb|kis|sim [--rest-url URL] [--ws-url URL]
                [--private-ws-url URL] [--timeout-ms MS] [--sim-state FILE] [--verbose] COMMAND
                [--virtual] [--account CANO-PRDT] (kis: virtual server, account number;
                HOGA_KIS_ACCOUNT holds the account too)
       hoga-cli [--profile NAME] --venue binance [--testnet] [--rest-url URL] [--ws-url URL]
                [--ws-api-url URL] [--timeout-ms MS] [--verbose] COMMAND

Commands:
  markets
  ticker MARKET...
  orderbook MARKET [--depth N]
  candles MARKET --interval 1s|1m|3m|5m|10m|15m|30m|60m|240m|1d|1w|1M [--count N] [--from ISO8601] [--to ISO8601]
  trades MARKET [--count N]
  balances
  orders open [MARKET]
  order create MARKET --side buy|sell --type limit|market|best [--price P] [--qty Q] [--total T]
               [--tif gtc|ioc|fok|post_only] [--client-id ID]
               [--session regular|pre_market_close|post_market_close|after_hours_single]
               (limit: any --tif; best: --tif ioc|fok, buy by --total, sell by --qty;
               KRX after-hours sessions: limit only, closing-price ones with --qty and no --price)
  order get (--id ID | --client-id ID)
  order cancel (--id ID | --client-id ID)
  order modify ORDER_ID --market CODE --price P [--qty Q]
               (KIS: a new order at P takes what remains, or Q shares of it; the rest stays)
  stream ticker|trade|orderbook MARKET... --count N [--depth N]

Profiles and keys:
  profile create NAME [--paper-only]
  profile list
  profile delete NAME
  --profile NAME keys set --venue upbit|bithumb|binance [--testnet]
                                                  (reads the access key, then the secret key,
                                                  then the venue&apos;s other fields if it has any,
                                                  one per line from standard input)
  --profile NAME keys list
  --profile NAME keys test --venue upbit|bithumb [--rest-url URL]
  --profile NAME keys remove --venue upbit|bithumb

Output: one JSON object per line on stdout; decimals are strings, times are milliseconds since
1970-01-01 UTC. Trades are listed newest first, candles oldest first.
Errors: one JSON object {&quot;error&quot;: {&quot;kind&quot;, &quot;venue_code&quot;, &quot;message&quot;}} on stderr.
Exit codes: 0 ok, 1 internal or storage failure, 2 usage, 3 refused by the venue (or by the local
order check, which is reported like a venue refusal) or a wrong profile password, 4 network failure
or timeout.

API keys: with --profile NAME, the profile&apos;s stored keys (the profile password is asked on the
terminal, or read from HOGA_PROFILE_PASSWORD); otherwise HOGA_API_KEY and HOGA_API_SECRET, and a
venue&apos;s other fields from HOGA_ and the field&apos;s id in capitals (HOGA_ACCOUNT).
Profiles live in the application data folder (HOGA_DATA_DIR overrides it). --timeout-ms bounds every request (default 15000) and
the whole stream. The simulated venue keeps its paper orders between runs in --sim-state FILE
(default: hoga-cli&apos;s data folder); delete the file to start over.
</source>
        <translation>Usage: hoga-cli [--profile NAME] --venue upbit|bithumb|kis|sim [--rest-url URL] [--ws-url URL]
                [--private-ws-url URL] [--timeout-ms MS] [--sim-state FILE] [--verbose] COMMAND
                [--virtual] [--account CANO-PRDT] (kis: virtual server, account number;
                HOGA_KIS_ACCOUNT holds the account too)
       hoga-cli [--profile NAME] --venue binance [--testnet] [--rest-url URL] [--ws-url URL]
                [--ws-api-url URL] [--timeout-ms MS] [--verbose] COMMAND

Commands:
  markets
  ticker MARKET...
  orderbook MARKET [--depth N]
  candles MARKET --interval 1s|1m|3m|5m|10m|15m|30m|60m|240m|1d|1w|1M [--count N] [--from ISO8601] [--to ISO8601]
  trades MARKET [--count N]
  balances
  orders open [MARKET]
  order create MARKET --side buy|sell --type limit|market|best [--price P] [--qty Q] [--total T]
               [--tif gtc|ioc|fok|post_only] [--client-id ID]
               [--session regular|pre_market_close|post_market_close|after_hours_single]
               (limit: any --tif; best: --tif ioc|fok, buy by --total, sell by --qty;
               KRX after-hours sessions: limit only, closing-price ones with --qty and no --price)
  order get (--id ID | --client-id ID)
  order cancel (--id ID | --client-id ID)
  order modify ORDER_ID --market CODE --price P [--qty Q]
               (KIS: a new order at P takes what remains, or Q shares of it; the rest stays)
  stream ticker|trade|orderbook MARKET... --count N [--depth N]

Profiles and keys:
  profile create NAME [--paper-only]
  profile list
  profile delete NAME
  --profile NAME keys set --venue upbit|bithumb|binance [--testnet]
                                                  (reads the access key, then the secret key,
                                                  then the venue&apos;s other fields if it has any,
                                                  one per line from standard input)
  --profile NAME keys list
  --profile NAME keys test --venue upbit|bithumb [--rest-url URL]
  --profile NAME keys remove --venue upbit|bithumb

Output: one JSON object per line on stdout; decimals are strings, times are milliseconds since
1970-01-01 UTC. Trades are listed newest first, candles oldest first.
Errors: one JSON object {&quot;error&quot;: {&quot;kind&quot;, &quot;venue_code&quot;, &quot;message&quot;}} on stderr.
Exit codes: 0 ok, 1 internal or storage failure, 2 usage, 3 refused by the venue (or by the local
order check, which is reported like a venue refusal) or a wrong profile password, 4 network failure
or timeout.

API keys: with --profile NAME, the profile&apos;s stored keys (the profile password is asked on the
terminal, or read from HOGA_PROFILE_PASSWORD); otherwise HOGA_API_KEY and HOGA_API_SECRET, and a
venue&apos;s other fields from HOGA_ and the field&apos;s id in capitals (HOGA_ACCOUNT).
Profiles live in the application data folder (HOGA_DATA_DIR overrides it). --timeout-ms bounds every request (default 15000) and
the whole stream. The simulated venue keeps its paper orders between runs in --sim-state FILE
(default: hoga-cli&apos;s data folder); delete the file to start over.
</translation>
    </message>
</context>
<context>
    <name>hoga::Connector</name>
    <message>
        <source>Disconnected</source>
        <translation>연결 끊김</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>연결 중</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>연결됨</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>재연결 중</translation>
    </message>
    <message>
        <source>%1 cannot modify orders: cancel the order and place a new one.</source>
        <translation>%1에서는 주문을 정정할 수 없습니다. 주문을 취소하고 새로 주문하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::CredentialField</name>
    <message>
        <source>Access key</source>
        <translation>Access Key</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Secret Key</translation>
    </message>
    <message>
        <source>App key</source>
        <translation>앱 키</translation>
    </message>
    <message>
        <source>App secret</source>
        <translation>앱 시크릿</translation>
    </message>
    <message>
        <source>Account number (12345678-01)</source>
        <translation>계좌번호(12345678-01)</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>계좌 유형</translation>
    </message>
    <message>
        <source>Real trading</source>
        <translation>실전투자</translation>
    </message>
    <message>
        <source>Virtual trading (모의투자)</source>
        <translation>모의투자</translation>
    </message>
    <message>
        <source>HTS ID (for live fill notices)</source>
        <translation>HTS ID(실시간 체결 통보용)</translation>
    </message>
</context>
<context>
    <name>hoga::DepthChartView</name>
    <message>
        <source>Bids %1</source>
        <translation>매수 %1</translation>
    </message>
    <message>
        <source>Asks %1</source>
        <translation>매도 %1</translation>
    </message>
</context>
<context>
    <name>hoga::EmergencyStop</name>
    <message>
        <source>Emergency stop</source>
        <translation>긴급 정지</translation>
    </message>
    <message>
        <source>Halt every bot and cancel every open order on every venue (Ctrl+Shift+X)</source>
        <translation>모든 봇을 정지하고 모든 거래소의 열린 주문을 전부 취소합니다(Ctrl+Shift+X)</translation>
    </message>
    <message>
        <source>Re-arm trading</source>
        <translation>거래 재개</translation>
    </message>
    <message>
        <source>Accept orders again after the emergency stop. Halted bots stay halted until you start them.</source>
        <translation>긴급 정지 뒤에 다시 주문을 받습니다. 정지된 봇은 직접 시작할 때까지 정지 상태로 남습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Halt %n running bot(s) and cancel every open order on every venue of this profile (%1 known to Hoga, and any others the venues list)? Trading stays halted until you re-arm it.</source>
        <translation>
            <numerusform>실행 중인 봇 %n개를 정지하고 이 프로필의 모든 거래소에서 열린 주문을 전부 취소할까요(Hoga가 아는 주문 %1건과 거래소가 보여 주는 다른 주문 모두)? 재개할 때까지 거래는 중단됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Emergency stop by the user</source>
        <translation>사용자의 긴급 정지</translation>
    </message>
    <message>
        <source>%1: %2 cancel request(s), %3 confirmed by the venue.</source>
        <translation>%1: 취소 요청 %2건, 거래소 확인 %3건.</translation>
    </message>
    <message>
        <source>Still open at %1: %2</source>
        <translation>%1에 아직 열린 주문: %2</translation>
    </message>
    <message>
        <source>Error at %1: %2</source>
        <translation>%1 오류: %2</translation>
    </message>
    <message>
        <source>No venue is connected.</source>
        <translation>연결된 거래소가 없습니다.</translation>
    </message>
    <message>
        <source>Every bot is halted and no order is open.</source>
        <translation>모든 봇이 정지되었고 열린 주문이 없습니다.</translation>
    </message>
    <message>
        <source>Every bot is halted, but not every order could be cancelled.</source>
        <translation>모든 봇이 정지되었지만 일부 주문은 취소하지 못했습니다.</translation>
    </message>
    <message>
        <source>Trading stays halted until you choose “Re-arm trading”.</source>
        <translation>“거래 재개”를 선택할 때까지 거래는 중단된 상태로 남습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::EncryptedSecretFile</name>
    <message>
        <source>The encrypted key file %1 is damaged (%2). It was left untouched; restore it from a backup or delete it and enter the keys again.</source>
        <translation>암호화된 키 파일 %1이(가) 손상되었습니다 (%2). 파일은 변경하지 않았습니다. 백업에서 복원하거나, 파일을 삭제하고 키를 다시 입력하세요.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>크기가 너무 큼</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>파일이 잘림</translation>
    </message>
    <message>
        <source>header checksum mismatch</source>
        <translation>헤더 체크섬 불일치</translation>
    </message>
    <message>
        <source>not a Hoga key file</source>
        <translation>Hoga 키 파일이 아님</translation>
    </message>
    <message>
        <source>The encrypted key file %1 was written by a newer version of Hoga. Update Hoga to use it.</source>
        <translation>암호화된 키 파일 %1은(는) 더 새로운 버전의 Hoga에서 작성되었습니다. 사용하려면 Hoga를 업데이트하세요.</translation>
    </message>
    <message>
        <source>unknown parameters</source>
        <translation>알 수 없는 파라미터</translation>
    </message>
    <message>
        <source>Could not derive the file key.</source>
        <translation>파일 키를 생성할 수 없습니다.</translation>
    </message>
    <message>
        <source>The profile password does not open the encrypted key file %1.</source>
        <translation>프로필 비밀번호로 암호화된 키 파일 %1을(를) 열 수 없습니다.</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>인증 실패</translation>
    </message>
    <message>
        <source>unreadable contents</source>
        <translation>읽을 수 없는 내용</translation>
    </message>
    <message>
        <source>Too many keys for the key file.</source>
        <translation>키 파일에 저장할 키가 너무 많습니다.</translation>
    </message>
    <message>
        <source>Encryption failed.</source>
        <translation>암호화에 실패했습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not create the folder of %1.</source>
        <translation>%1의 폴더를 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>The encrypted key file %1 is in use. Try again.</source>
        <translation>암호화된 키 파일 %1이(가) 사용 중입니다. 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Invalid key name.</source>
        <translation>잘못된 키 이름입니다.</translation>
    </message>
    <message>
        <source>No key is stored under this name.</source>
        <translation>이 이름으로 저장된 키가 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::EngineBots</name>
    <message>
        <source>buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Was running when Hoga quit: starts again after reconciliation.</source>
        <translation>Hoga를 종료할 때 실행 중이었습니다. 대사 후 다시 시작합니다.</translation>
    </message>
    <message>
        <source>Created.</source>
        <translation>만들었습니다.</translation>
    </message>
    <message>
        <source>Settings changed.</source>
        <translation>설정을 바꿨습니다.</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop. Re-arm trading to start bots.</source>
        <translation>긴급 정지로 거래가 중단되었습니다. 봇을 시작하려면 거래를 재개하세요.</translation>
    </message>
    <message>
        <source>The venue %1 is not running in this window.</source>
        <translation>이 창에서 거래소 %1이(가) 실행되고 있지 않습니다.</translation>
    </message>
    <message>
        <source>The market %1 could not be loaded: %2</source>
        <translation>마켓 %1을(를) 불러오지 못했습니다: %2</translation>
    </message>
    <message>
        <source>There is no strategy named %1.</source>
        <translation>%1이라는 전략이 없습니다.</translation>
    </message>
    <message>
        <source>Halted: %1</source>
        <translation>정지됨: %1</translation>
    </message>
    <message>
        <source>Started on %1 %2.</source>
        <translation>%1 %2에서 시작했습니다.</translation>
    </message>
    <message>
        <source>Paused; its open orders stay in the book.</source>
        <translation>일시 정지했습니다. 열린 주문은 호가창에 남습니다.</translation>
    </message>
    <message>
        <source>Stopped; its open orders are cancelled.</source>
        <translation>정지했습니다. 열린 주문은 취소됩니다.</translation>
    </message>
    <message>
        <source>Order %1 (%2 %3): %4</source>
        <translation>주문 %1(%2 %3): %4</translation>
    </message>
    <message>
        <source>Filled: %1 %2 at %3</source>
        <translation>체결: %1 %2, 가격 %3</translation>
    </message>
    <message>
        <source>Refused by a risk limit: %1</source>
        <translation>위험 한도로 거부됨: %1</translation>
    </message>
</context>
<context>
    <name>hoga::FillsModel</name>
    <message>
        <source>Maker</source>
        <translation>메이커</translation>
    </message>
    <message>
        <source>Taker</source>
        <translation>테이커</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>체결시간</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>체결가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>체결금액</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>메이커/테이커</translation>
    </message>
</context>
<context>
    <name>hoga::FreshnessFormat</name>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1시간</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1일</translation>
    </message>
    <message>
        <source>Stale · no update yet</source>
        <translation>지연 · 아직 업데이트 없음</translation>
    </message>
    <message>
        <source>Stale · last update %1 ago</source>
        <translation>지연 · 마지막 업데이트 %1 전</translation>
    </message>
</context>
<context>
    <name>hoga::Json</name>
    <message>
        <source>The JSON text is empty.</source>
        <translation>JSON 텍스트가 비어 있습니다.</translation>
    </message>
    <message>
        <source>Unexpected data after the JSON value.</source>
        <translation>JSON 값 뒤에 예상치 못한 데이터가 있습니다.</translation>
    </message>
    <message>
        <source>Malformed JSON at byte %1: %2</source>
        <translation>JSON 형식 오류 (바이트 %1): %2</translation>
    </message>
    <message>
        <source>Unexpected end of the JSON text.</source>
        <translation>JSON 텍스트가 예상보다 일찍 끝났습니다.</translation>
    </message>
    <message>
        <source>Expected a value (object, array, string, number, true, false or null).</source>
        <translation>값이 필요합니다 (객체, 배열, 문자열, 숫자, true, false 또는 null).</translation>
    </message>
    <message>
        <source>Numbers must not have leading zeros.</source>
        <translation>숫자 앞에 불필요한 0을 붙일 수 없습니다.</translation>
    </message>
    <message>
        <source>A number needs digits.</source>
        <translation>숫자에 자릿수가 없습니다.</translation>
    </message>
    <message>
        <source>A decimal point must be followed by digits.</source>
        <translation>소수점 뒤에는 숫자가 와야 합니다.</translation>
    </message>
    <message>
        <source>An exponent needs digits.</source>
        <translation>지수에 숫자가 없습니다.</translation>
    </message>
    <message>
        <source>Unterminated string.</source>
        <translation>문자열이 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>Control characters must be escaped in strings.</source>
        <translation>문자열 안의 제어 문자는 이스케이프해야 합니다.</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in a string.</source>
        <translation>문자열에 잘못된 UTF-8이 있습니다.</translation>
    </message>
    <message>
        <source>\u must be followed by four hex digits.</source>
        <translation>\u 뒤에는 16진수 네 자리가 와야 합니다.</translation>
    </message>
    <message>
        <source>A high surrogate must be followed by a low surrogate.</source>
        <translation>상위 서로게이트 뒤에는 하위 서로게이트가 와야 합니다.</translation>
    </message>
    <message>
        <source>A low surrogate without a high surrogate.</source>
        <translation>상위 서로게이트 없이 하위 서로게이트가 있습니다.</translation>
    </message>
    <message>
        <source>Invalid escape sequence in a string.</source>
        <translation>문자열에 잘못된 이스케이프 시퀀스가 있습니다.</translation>
    </message>
    <message>
        <source>Nesting is deeper than %1 levels.</source>
        <translation>중첩 깊이가 %1단계를 넘습니다.</translation>
    </message>
    <message>
        <source>Trailing comma in an array.</source>
        <translation>배열 끝에 불필요한 쉼표가 있습니다.</translation>
    </message>
    <message>
        <source>Unterminated array.</source>
        <translation>배열이 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos; in an array.</source>
        <translation>배열에 &apos;,&apos; 또는 &apos;]&apos;가 필요합니다.</translation>
    </message>
    <message>
        <source>Unterminated object.</source>
        <translation>객체가 닫히지 않았습니다.</translation>
    </message>
    <message>
        <source>Expected a member name in double quotes.</source>
        <translation>큰따옴표로 감싼 멤버 이름이 필요합니다.</translation>
    </message>
    <message>
        <source>Expected &apos;:&apos; after a member name.</source>
        <translation>멤버 이름 뒤에 &apos;:&apos;가 필요합니다.</translation>
    </message>
    <message>
        <source>Trailing comma in an object.</source>
        <translation>객체 끝에 불필요한 쉼표가 있습니다.</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos; in an object.</source>
        <translation>객체에 &apos;,&apos; 또는 &apos;}&apos;가 필요합니다.</translation>
    </message>
    <message>
        <source>The JSON text is too large (4 GiB or more).</source>
        <translation>JSON 텍스트가 너무 큽니다 (4 GiB 이상).</translation>
    </message>
</context>
<context>
    <name>hoga::KeychainSecretStore</name>
    <message>
        <source>No key is stored under this name.</source>
        <translation>이 이름으로 저장된 키가 없습니다.</translation>
    </message>
    <message>
        <source>The system keychain refused access (%1). Unlock it and try again.</source>
        <translation>시스템 키체인이 접근을 거부했습니다 (%1). 키체인 잠금을 해제한 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation>사용할 수 있는 시스템 키체인이 없습니다 (%1).</translation>
    </message>
    <message>
        <source>The system keychain failed: %1</source>
        <translation>시스템 키체인 오류: %1</translation>
    </message>
    <message>
        <source>Invalid key name.</source>
        <translation>잘못된 키 이름입니다.</translation>
    </message>
</context>
<context>
    <name>hoga::KisAuth</name>
    <message>
        <source>The connection was closed.</source>
        <translation>연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>No access token: %1</source>
        <translation>접근 토큰이 없습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::KisConnector</name>
    <message>
        <source>Korea Investment &amp; Securities</source>
        <translation>한국투자증권</translation>
    </message>
    <message>
        <source>No KIS account number is set (8 digits, a dash and 2 digits: 12345678-01).</source>
        <translation>KIS 계좌번호가 설정되지 않았습니다(숫자 8자리, 대시, 숫자 2자리: 12345678-01).</translation>
    </message>
    <message>
        <source>The venue lists no such order today.</source>
        <translation>거래소의 오늘 주문 목록에 해당 주문이 없습니다.</translation>
    </message>
    <message>
        <source>KIS sends live prices only to accounts with an app key.</source>
        <translation>KIS는 앱 키가 있는 계좌에만 실시간 시세를 보냅니다.</translation>
    </message>
    <message>
        <source>No WebSocket approval key: %1</source>
        <translation>WebSocket 접속키가 없습니다: %1</translation>
    </message>
    <message>
        <source>A modify needs a new price or a quantity.</source>
        <translation>정정하려면 새 가격이나 수량이 필요합니다.</translation>
    </message>
    <message>
        <source>The price %1 is not on the KRX tick of %2 KRW.</source>
        <translation>가격 %1은(는) KRX 호가 단위 %2원에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>Stocks trade in whole shares: %1 is not one.</source>
        <translation>주식은 1주 단위로 거래됩니다. %1은(는) 정수 주가 아닙니다.</translation>
    </message>
    <message>
        <source>Only the %1 shares still open can be modified, not %2.</source>
        <translation>미체결 %1주까지만 정정할 수 있습니다(요청 %2주).</translation>
    </message>
    <message>
        <source>%1 trades</source>
        <translation>%1 체결</translation>
    </message>
    <message>
        <source>%1 order book</source>
        <translation>%1 호가</translation>
    </message>
    <message>
        <source>Another program holds the live connection of this app key; KIS allows one per key.</source>
        <translation>다른 프로그램이 이 앱키의 실시간 연결을 사용 중입니다. 한국투자증권은 앱키당 하나의 연결만 허용합니다.</translation>
    </message>
    <message>
        <source>An order for the %1 has no price of its own to change; only its quantity can be reduced.</source>
        <translation>%1 주문에는 바꿀 주문 가격이 없습니다. 수량만 줄일 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::KisErrors</name>
    <message>
        <source>The access token expired. A new one is requested automatically.</source>
        <translation>접근 토큰이 만료되었습니다. 새 토큰을 자동으로 요청합니다.</translation>
    </message>
    <message>
        <source>The venue did not accept the access token. Check the app key.</source>
        <translation>거래소가 접근 토큰을 받지 않았습니다. 앱 키를 확인하세요.</translation>
    </message>
    <message>
        <source>The venue does not know this app key. Check the keys.</source>
        <translation>거래소가 이 앱 키를 모릅니다. 키를 확인하세요.</translation>
    </message>
    <message>
        <source>The app secret does not match the app key. Check the keys.</source>
        <translation>앱 시크릿이 앱 키와 맞지 않습니다. 키를 확인하세요.</translation>
    </message>
    <message>
        <source>The venue issues at most one access token per minute. Try again in a minute.</source>
        <translation>거래소는 접근 토큰을 1분에 한 번만 발급합니다. 1분 뒤에 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many requests per second for this app key.</source>
        <translation>이 앱 키의 초당 요청이 너무 많습니다.</translation>
    </message>
    <message>
        <source>The venue could not read the request.</source>
        <translation>거래소가 요청을 읽지 못했습니다.</translation>
    </message>
    <message>
        <source>The venue has no stock with this code.</source>
        <translation>거래소에 이 코드의 종목이 없습니다.</translation>
    </message>
    <message>
        <source>The order exceeds the cash available for orders.</source>
        <translation>주문이 주문 가능 현금을 넘습니다.</translation>
    </message>
    <message>
        <source>The market is closed.</source>
        <translation>시장이 닫혀 있습니다.</translation>
    </message>
    <message>
        <source>The venue answered with HTTP status %1.</source>
        <translation>거래소가 HTTP 상태 %1로 응답했습니다.</translation>
    </message>
    <message>
        <source>The order is for more shares than can be sold.</source>
        <translation>매도 가능 수량보다 많은 주문입니다.</translation>
    </message>
    <message>
        <source>The price is not on the KRX tick for its price band.</source>
        <translation>가격이 해당 가격대의 KRX 호가 단위에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The venue has no open order with this number (filled, cancelled, or placed elsewhere).</source>
        <translation>거래소에 이 번호의 미체결 주문이 없습니다(체결, 취소, 또는 다른 곳에서 낸 주문).</translation>
    </message>
    <message>
        <source>The order has nothing left to cancel or modify (filled or cancelled).</source>
        <translation>주문에 취소하거나 정정할 잔량이 없습니다(체결 또는 취소됨).</translation>
    </message>
</context>
<context>
    <name>hoga::KisParse</name>
    <message>
        <source>The venue&apos;s answer could not be read: %1</source>
        <translation>거래소의 응답을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>no price in the answer</source>
        <translation>응답에 가격이 없습니다</translation>
    </message>
    <message>
        <source>no asking prices in the answer</source>
        <translation>응답에 호가가 없습니다</translation>
    </message>
    <message>
        <source>the chart is not a list</source>
        <translation>차트가 목록이 아닙니다</translation>
    </message>
    <message>
        <source>the trade list is not a list</source>
        <translation>체결 목록이 목록이 아닙니다</translation>
    </message>
    <message>
        <source>no balance in the answer</source>
        <translation>응답에 잔고가 없습니다</translation>
    </message>
</context>
<context>
    <name>hoga::LoginDialog</name>
    <message>
        <source>Hoga is locked</source>
        <translation>Hoga가 잠겨 있습니다</translation>
    </message>
    <message>
        <source>Hoga — Log in</source>
        <translation>Hoga — 로그인</translation>
    </message>
    <message>
        <source>Choose a profile</source>
        <translation>프로필 선택</translation>
    </message>
    <message>
        <source>Each profile has its own password, API keys, settings and history.</source>
        <translation>프로필마다 비밀번호, API 키, 설정, 내역이 따로 저장됩니다.</translation>
    </message>
    <message>
        <source>New profile…</source>
        <translation>새 프로필…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>이름 변경…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <source>Profile password</source>
        <translation>프로필 비밀번호</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>잠금 해제</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Switch profile</source>
        <translation>프로필 전환</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>“%1” 이름 변경</translation>
    </message>
    <message>
        <source>Delete the profile “%1”? Its database, settings and stored API keys are removed from this computer. This cannot be undone.</source>
        <translation>“%1” 프로필을 삭제할까요? 프로필의 데이터베이스, 설정, 저장된 API 키가 이 컴퓨터에서 삭제됩니다. 이 작업은 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>새 프로필</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters</source>
        <translation>
            <numerusform>최소 %n자</numerusform>
        </translation>
    </message>
    <message>
        <source>Paper trading only (this profile can never place live orders)</source>
        <translation>모의 거래 전용 (이 프로필로는 실제 주문을 낼 수 없습니다)</translation>
    </message>
    <message>
        <source>The password protects this profile&apos;s API keys. It cannot be recovered: if you forget it, delete the profile and create a new one.</source>
        <translation>비밀번호는 이 프로필의 API 키를 보호합니다. 비밀번호는 복구할 수 없으므로, 잊어버리면 프로필을 삭제하고 새로 만들어야 합니다.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>비밀번호 확인</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>프로필 만들기</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>뒤로</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>이름 변경</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>새 이름</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>프로필 삭제</translation>
    </message>
    <message>
        <source>Enter the profile&apos;s password to confirm</source>
        <translation>확인을 위해 프로필 비밀번호를 입력하세요</translation>
    </message>
    <message>
        <source>Loading profiles…</source>
        <translation>프로필 불러오는 중…</translation>
    </message>
    <message>
        <source>Paper only</source>
        <translation>모의 전용</translation>
    </message>
    <message>
        <source>Enter the password of “%1” to continue.</source>
        <translation>계속하려면 “%1”의 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Profile “%1” is locked.</source>
        <translation>“%1” 프로필이 잠겨 있습니다.</translation>
    </message>
    <message>
        <source>The Demo profile has no password. It trades on the simulator only.</source>
        <translation>데모 프로필에는 비밀번호가 없습니다. 시뮬레이터에서만 거래합니다.</translation>
    </message>
    <message>
        <source>Enter the password of “%1”.</source>
        <translation>“%1”의 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Checking password…</source>
        <translation>비밀번호 확인 중…</translation>
    </message>
    <message>
        <source>Wrong password.</source>
        <translation>비밀번호가 틀렸습니다.</translation>
    </message>
    <message>
        <source>Wrong password. You can try again now.</source>
        <translation>비밀번호가 틀렸습니다. 지금 다시 시도할 수 있습니다.</translation>
    </message>
    <message>
        <source>Wrong password. Try again in %1 s.</source>
        <translation>비밀번호가 틀렸습니다. %1초 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Too many wrong passwords. Try again in %1 s.</source>
        <translation>비밀번호를 너무 많이 틀렸습니다. %1초 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>비밀번호가 너무 짧습니다. %1자 이상 입력하세요.</translation>
    </message>
    <message>
        <source>The two passwords are different. Type the same password twice.</source>
        <translation>두 비밀번호가 다릅니다. 같은 비밀번호를 두 번 입력하세요.</translation>
    </message>
    <message>
        <source>Creating profile…</source>
        <translation>프로필 만드는 중…</translation>
    </message>
    <message>
        <source>Profile “%1” created. Enter its password to log in.</source>
        <translation>“%1” 프로필을 만들었습니다. 비밀번호를 입력하여 로그인하세요.</translation>
    </message>
    <message>
        <source>Renaming…</source>
        <translation>이름 변경 중…</translation>
    </message>
    <message>
        <source>Enter the password of “%1” to delete it.</source>
        <translation>“%1” 프로필을 삭제하려면 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <source>Deleting profile…</source>
        <translation>프로필 삭제 중…</translation>
    </message>
    <message>
        <source>Wrong password. The profile was not deleted.</source>
        <translation>비밀번호가 틀렸습니다. 프로필을 삭제하지 않았습니다.</translation>
    </message>
    <message>
        <source>Profile “%1” was deleted.</source>
        <translation>“%1” 프로필을 삭제했습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::LoginThrottle</name>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n s.</source>
        <translation>
            <numerusform>비밀번호를 너무 많이 틀렸습니다. %n초 후 다시 시도하세요.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hoga::Main</name>
    <message>
        <source>Native trading dashboard</source>
        <translation>네이티브 트레이딩 대시보드</translation>
    </message>
    <message>
        <source>User interface language: en or ko.</source>
        <translation>사용자 인터페이스 언어: en 또는 ko.</translation>
    </message>
    <message>
        <source>Save a screenshot of every tab into &lt;dir&gt; once live data has arrived, then quit.</source>
        <translation>실시간 데이터가 도착하면 모든 탭의 스크린샷을 &lt;dir&gt;에 저장한 뒤 종료합니다.</translation>
    </message>
    <message>
        <source>Quit after &lt;ms&gt; milliseconds (with --screenshot-dir: the longest wait for data).</source>
        <translation>&lt;ms&gt;밀리초 후 종료합니다 (--screenshot-dir 사용 시: 데이터를 기다리는 최대 시간).</translation>
    </message>
    <message>
        <source>Seed of the simulated market.</source>
        <translation>모의 시장의 시드 값.</translation>
    </message>
    <message>
        <source>Simulator only: place a few paper orders once the market is live (demonstrations).</source>
        <translation>시뮬레이터 전용: 시장이 열리면 시연용 모의 주문을 몇 건 넣습니다.</translation>
    </message>
    <message>
        <source>--lang takes en or ko.</source>
        <translation>--lang 옵션에는 en 또는 ko를 지정하세요.</translation>
    </message>
    <message>
        <source>--seed takes a non-negative integer.</source>
        <translation>--seed 옵션에는 0 이상의 정수를 지정하세요.</translation>
    </message>
    <message>
        <source>--quit-after-ms takes a positive number of milliseconds.</source>
        <translation>--quit-after-ms 옵션에는 양의 밀리초 값을 지정하세요.</translation>
    </message>
    <message>
        <source>--demo-orders only works on the simulator.</source>
        <translation>--demo-orders 옵션은 모의 시장에서만 동작합니다.</translation>
    </message>
    <message>
        <source>There is no profile named “%1”.</source>
        <translation>“%1” 프로필이 없습니다.</translation>
    </message>
    <message>
        <source>Open profile &lt;name&gt; without the login dialog; its password comes from HOGA_PROFILE_PASSWORD (the Demo profile needs none).</source>
        <translation>로그인 창 없이 &lt;name&gt; 프로필을 엽니다. 비밀번호는 HOGA_PROFILE_PASSWORD에서 가져옵니다 (데모 프로필은 비밀번호가 필요 없음).</translation>
    </message>
    <message>
        <source>Unknown venue “%1”. Choose one of: %2.</source>
        <translation>알 수 없는 거래소입니다: “%1”. 다음 중 하나를 선택하세요: %2.</translation>
    </message>
    <message>
        <source>Profile “%1” is paper only: it runs on the simulator, not on %2.</source>
        <translation>“%1” 프로필은 모의 전용이므로 %2 대신 시뮬레이터에서 실행됩니다.</translation>
    </message>
    <message>
        <source>--seed only applies to the simulator.</source>
        <translation>--seed 옵션은 시뮬레이터에서만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>--%1 takes an absolute URL, not “%2”.</source>
        <translation>--%1 옵션에는 절대 URL을 지정하세요 (“%2”은(는) 올바르지 않습니다).</translation>
    </message>
    <message>
        <source>Unknown venue “%1”.</source>
        <translation>알 수 없는 거래소입니다: “%1”.</translation>
    </message>
    <message>
        <source>Venues to run, comma separated: sim (the built-in simulator), upbit, bithumb. Default: every venue the profile holds keys for, else sim. API keys come from the profile, or HOGA_API_KEY and HOGA_API_SECRET; without them a real venue shows market data only.</source>
        <translation>실행할 거래소(쉼표로 구분): sim(내장 시뮬레이터), upbit, bithumb. 기본값: 프로필에 키가 있는 모든 거래소, 없으면 sim. API 키는 프로필 또는 HOGA_API_KEY와 HOGA_API_SECRET에서 가져오며, 키가 없으면 실제 거래소는 시세만 보여 줍니다.</translation>
    </message>
    <message>
        <source>REST endpoint of a venue, as venue=URL (repeatable; a plain URL when one real venue runs). Default: its production URL.</source>
        <translation>거래소의 REST 엔드포인트, venue=URL 형식(여러 번 가능; 실제 거래소가 하나만 실행되면 URL만 써도 됨). 기본값: 운영 URL.</translation>
    </message>
    <message>
        <source>Public WebSocket endpoint of a venue, as venue=URL (repeatable; a plain URL when one real venue runs). Default: its production URL.</source>
        <translation>거래소의 공개 WebSocket 엔드포인트, venue=URL 형식(여러 번 가능; 실제 거래소가 하나만 실행되면 URL만 써도 됨). 기본값: 운영 URL.</translation>
    </message>
    <message>
        <source>Private WebSocket endpoint of a venue, as venue=URL (repeatable; a plain URL when one real venue runs). Default: its production URL.</source>
        <translation>거래소의 비공개 WebSocket 엔드포인트, venue=URL 형식(여러 번 가능; 실제 거래소가 하나만 실행되면 URL만 써도 됨). 기본값: 운영 URL.</translation>
    </message>
    <message>
        <source>--%1 must name its venue (upbit=URL) unless exactly one venue other than the simulator runs.</source>
        <translation>시뮬레이터 외에 정확히 하나의 거래소만 실행되는 경우가 아니면 --%1에 거래소 이름을 붙이세요(upbit=URL).</translation>
    </message>
    <message>
        <source>--%1 names %2, which does not run.</source>
        <translation>--%1 옵션이 가리키는 %2은(는) 실행되지 않습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::MainWindow</name>
    <message>
        <source>Portfolio</source>
        <translation>포트폴리오</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Order book</source>
        <translation>호가</translation>
    </message>
    <message>
        <source>Trading</source>
        <translation>거래</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Colour convention</source>
        <translation>등락 색상(&amp;C)</translation>
    </message>
    <message>
        <source>Korean (red up, blue down)</source>
        <translation>한국식 (상승 빨강, 하락 파랑)</translation>
    </message>
    <message>
        <source>International (green up, red down)</source>
        <translation>국제식 (상승 초록, 하락 빨강)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Hoga</source>
        <translation>Hoga 정보(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt 정보(&amp;Q)</translation>
    </message>
    <message>
        <source>Hoga</source>
        <translation>Hoga</translation>
    </message>
    <message>
        <source>Hoga — %1</source>
        <translation>Hoga — %1</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language takes effect the next time Hoga starts.</source>
        <translation>변경한 언어는 Hoga를 다음에 시작할 때 적용됩니다.</translation>
    </message>
    <message>
        <source>About Hoga</source>
        <translation>Hoga 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hoga&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Hoga&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 accepts requests again.</source>
        <translation>%1의 요청 제한이 해제되었습니다.</translation>
    </message>
    <message>
        <source>%1 stopped accepting requests until %2 (too many requests). Hoga waits and resumes automatically.</source>
        <translation>%1에서 요청이 너무 많아 %2까지 요청을 받지 않습니다. Hoga가 기다렸다가 자동으로 재개합니다.</translation>
    </message>
    <message>
        <source>Hoga — Locked</source>
        <translation>Hoga — 잠김</translation>
    </message>
    <message>
        <source>Hoga — %1 — Locked</source>
        <translation>Hoga — %1 — 잠김</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>프로필(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Venues and keys…</source>
        <translation>거래소 및 키(&amp;V)…</translation>
    </message>
    <message>
        <source>This profile is paper only: it trades on the simulator, whatever keys it holds.</source>
        <translation>이 프로필은 모의 전용입니다. 저장된 키와 관계없이 시뮬레이터에서 거래합니다.</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>지금 잠금(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Auto-lock after…</source>
        <translation>자동 잠금(&amp;A)…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>사용 안 함</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Switch profile…</source>
        <translation>프로필 전환(&amp;S)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>로그아웃(&amp;O)</translation>
    </message>
    <message>
        <source>The %1 key was saved. Connections use it from the next time you log in to this profile.</source>
        <translation>%1 키를 저장했습니다. 다음에 이 프로필로 로그인할 때부터 연결에 사용됩니다.</translation>
    </message>
    <message>
        <source>Simulated orders are sent without asking from now on. Orders menu → Confirm simulated orders turns the question back on.</source>
        <translation>이제 모의 주문은 확인 없이 전송됩니다. 주문 메뉴 → 모의 주문 확인으로 다시 켤 수 있습니다.</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>주문(&amp;O)</translation>
    </message>
    <message>
        <source>Cancel all in market…</source>
        <translation>종목 일괄취소…</translation>
    </message>
    <message>
        <source>Cancel all orders…</source>
        <translation>전체 일괄취소…</translation>
    </message>
    <message>
        <source>Confirm simulated orders</source>
        <translation>모의 주문 확인</translation>
    </message>
    <message>
        <source>Ask before sending each simulated (paper) order.</source>
        <translation>모의 주문을 보내기 전마다 확인합니다.</translation>
    </message>
    <message>
        <source>Orders on a real venue always ask before they are sent.</source>
        <translation>실제 거래소 주문은 항상 전송 전에 확인합니다.</translation>
    </message>
    <message>
        <source>Cancel all orders in %1…</source>
        <translation>%1 일괄취소…</translation>
    </message>
    <message>
        <source>A native trading dashboard for Upbit and Bithumb, with a built-in simulated market.

This window runs on the simulator: prices are generated and balances are paper money. No keys and no network are needed.</source>
        <translation>업비트와 빗썸을 위한 네이티브 트레이딩 대시보드이며, 시뮬레이션 시장이 내장되어 있습니다.

이 창은 시뮬레이터로 동작합니다. 가격은 생성된 값이고 잔고는 모의 자금입니다. API 키와 네트워크 연결이 필요하지 않습니다.</translation>
    </message>
    <message>
        <source>A native trading dashboard for Upbit and Bithumb, with a built-in simulated market.

This window shows live data from %1.</source>
        <translation>업비트와 빗썸을 위한 네이티브 트레이딩 대시보드이며, 시뮬레이션 시장이 내장되어 있습니다.

이 창은 %1의 실시간 데이터를 표시합니다.</translation>
    </message>
    <message>
        <source>Bots are running</source>
        <translation>봇이 실행 중입니다</translation>
    </message>
    <message numerus="yes">
        <source>%n bot(s) are running. They stop when Hoga quits.</source>
        <translation>
            <numerusform>봇 %n개가 실행 중입니다. Hoga를 종료하면 멈춥니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop them now (their open orders are cancelled), or keep them to start again at the next login?</source>
        <translation>지금 정지할까요(열린 주문은 취소됩니다), 아니면 다음 로그인 때 다시 시작하도록 둘까요?</translation>
    </message>
    <message>
        <source>Stop bots and quit</source>
        <translation>봇 정지 후 종료</translation>
    </message>
    <message>
        <source>Quit, restart them later</source>
        <translation>종료하고 나중에 다시 시작</translation>
    </message>
    <message>
        <source>Bots</source>
        <translation>봇</translation>
    </message>
    <message>
        <source>&amp;Bots</source>
        <translation>봇(&amp;B)</translation>
    </message>
    <message>
        <source>Pause all bots</source>
        <translation>모든 봇 일시 정지</translation>
    </message>
    <message>
        <source>Resume paused bots</source>
        <translation>일시 정지한 봇 재개</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>창을 닫아도 트레이에서 계속 실행</translation>
    </message>
    <message>
        <source>Restart running bots at the next login</source>
        <translation>다음 로그인 때 실행 중이던 봇 다시 시작</translation>
    </message>
    <message>
        <source>Bots are not available: %1</source>
        <translation>봇을 쓸 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>&amp;Notifications and webhooks…</source>
        <translation>알림과 웹훅(&amp;N)…</translation>
    </message>
    <message>
        <source>Notifications and webhooks</source>
        <translation>알림과 웹훅</translation>
    </message>
    <message>
        <source>&amp;Backtest…</source>
        <translation>백테스트(&amp;B)…</translation>
    </message>
    <message>
        <source>Backtest — Hoga</source>
        <translation>백테스트 — Hoga</translation>
    </message>
    <message>
        <source>Risk limits saved: every order of this profile is checked against them from now on.</source>
        <translation>위험 한도를 저장했습니다. 이제부터 이 프로필의 모든 주문을 이 한도로 확인합니다.</translation>
    </message>
    <message>
        <source>&amp;Risk limits…</source>
        <translation>위험 한도(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>hoga::MarketDataHub</name>
    <message>
        <source>The request failed unexpectedly.</source>
        <translation>요청이 예기치 않게 실패했습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::MarketDataStore</name>
    <message>
        <source>The database driver %1 is not installed.</source>
        <translation>데이터베이스 드라이버 %1이(가) 설치되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Cannot open the market-data database %1: %2</source>
        <translation>시세 데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot read the schema version.</source>
        <translation>스키마 버전을 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>The market-data database was written by a newer Hoga.</source>
        <translation>시세 데이터베이스가 더 새로운 버전의 Hoga에서 작성되었습니다.</translation>
    </message>
    <message>
        <source>The market-data database is not open.</source>
        <translation>시세 데이터베이스가 열려 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::MarketHeader</name>
    <message>
        <source>24h high</source>
        <translation>고가(24H)</translation>
    </message>
    <message>
        <source>24h low</source>
        <translation>저가(24H)</translation>
    </message>
    <message>
        <source>24h volume</source>
        <translation>거래량(24H)</translation>
    </message>
    <message>
        <source>24h turnover</source>
        <translation>거래대금(24H)</translation>
    </message>
    <message>
        <source>No market selected</source>
        <translation>선택된 종목 없음</translation>
    </message>
    <message>
        <source>Waiting for prices…</source>
        <translation>시세 수신 대기 중…</translation>
    </message>
    <message>
        <source>No order book or ticker update arrived for this market within %1. The prices shown may be out of date; Hoga keeps listening and clears this when data flows again.</source>
        <translation>%1 동안 이 종목의 호가나 시세 업데이트가 없었습니다. 표시된 가격이 최신이 아닐 수 있습니다. Hoga는 계속 수신하며, 데이터가 다시 들어오면 이 표시를 지웁니다.</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>관심 종목에서 제거</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>관심 종목에 추가</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>장 마감</translation>
    </message>
    <message>
        <source>The regular session is closed: the stock trades %1 KST on weekdays. Prices and the order book show the last session; regular orders are refused until it opens (where the venue has them, the ticket&apos;s after-hours sessions take orders).</source>
        <translation>정규장이 마감되었습니다: 평일 %1(한국 시간)에 거래됩니다. 가격과 호가는 마지막 거래 시간 기준이며, 정규장 주문은 장이 열릴 때까지 거부됩니다(거래소가 지원하면 주문창의 시간외 거래 시간대로 주문할 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>hoga::MarketListModel</name>
    <message>
        <source>Caution: the venue flagged this market.</source>
        <translation>주의: 거래소가 지정한 유의 종목입니다.</translation>
    </message>
    <message>
        <source>24h volume: %1 %2</source>
        <translation>24시간 거래대금: %1 %2</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>24h</source>
        <translation>전일대비</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>거래대금</translation>
    </message>
    <message>
        <source>Stale: no recent update from the venue; prices may be out of date.</source>
        <translation>지연: 거래소의 최근 업데이트가 없어 가격이 최신이 아닐 수 있습니다.</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>관심 종목에서 제거</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>관심 종목에 추가</translation>
    </message>
    <message>
        <source>Watchlist: click to sort in the order you starred markets</source>
        <translation>관심 종목: 클릭하면 등록한 순서로 정렬합니다</translation>
    </message>
    <message>
        <source>Venue: %1</source>
        <translation>거래소: %1</translation>
    </message>
    <message numerus="yes">
        <source>Not streamed: the venue streams %n markets at once. The price is refreshed every 15 seconds; select or star the market to stream it.</source>
        <translation>
            <numerusform>실시간 아님: 거래소가 한 번에 %n개 종목만 실시간으로 보냅니다. 가격은 15초마다 새로 받으며, 종목을 선택하거나 관심 종목에 넣으면 실시간으로 받습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed: the stock trades %1 KST on weekdays.</source>
        <translation>장 마감: 이 종목은 평일 %1(한국 시간)에 거래됩니다.</translation>
    </message>
</context>
<context>
    <name>hoga::MarketListPanel</name>
    <message>
        <source>Loading markets…</source>
        <translation>종목 불러오는 중…</translation>
    </message>
    <message>
        <source>No market matches the search.</source>
        <translation>검색과 일치하는 종목이 없습니다.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <source>Search: name, code or initials (ㅂㅌ)</source>
        <translation>검색: 종목명, 코드, 초성 (ㅂㅌ)</translation>
    </message>
    <message>
        <source>Show only the starred markets (watchlist)</source>
        <translation>관심 종목만 보기</translation>
    </message>
    <message>
        <source>Remove from watchlist</source>
        <translation>관심 종목에서 제거</translation>
    </message>
    <message>
        <source>Add to watchlist</source>
        <translation>관심 종목에 추가</translation>
    </message>
    <message>
        <source>Show starred markets only</source>
        <translation>관심 종목만 보기</translation>
    </message>
    <message>
        <source>No starred markets yet. Click ☆ beside a market, or right-click it, to add it here.</source>
        <translation>관심 종목이 없습니다. 종목 옆의 ☆를 누르거나 종목을 오른쪽 클릭해 추가하세요.</translation>
    </message>
    <message>
        <source>Show the markets of one venue only</source>
        <translation>한 거래소의 마켓만 표시</translation>
    </message>
    <message>
        <source>All venues</source>
        <translation>모든 거래소</translation>
    </message>
    <message>
        <source>Type a code (BTC), an English or Korean name, or the initial consonants of the Korean name (ㅂㅌ for 비트코인). Enter on a stock code the list lacks asks the venue for it.</source>
        <translation>코드(BTC), 영문 또는 한글 이름, 한글 초성(비트코인은 ㅂㅌ)을 입력하세요. 목록에 없는 종목 코드에서 Enter를 누르면 거래소에 조회합니다.</translation>
    </message>
    <message>
        <source>No venue knows the market %1.</source>
        <translation>%1 종목을 아는 거래소가 없습니다.</translation>
    </message>
    <message>
        <source>Asking the venues for %1…</source>
        <translation>거래소에 %1 종목을 조회하는 중…</translation>
    </message>
</context>
<context>
    <name>hoga::MarketLoadRetry</name>
    <message>
        <source>Cannot reach %1. %2 Trying again now…</source>
        <translation>%1에 연결할 수 없습니다. %2 지금 다시 시도하는 중…</translation>
    </message>
    <message>
        <source>Cannot reach %1. %2 Next try at %3.</source>
        <translation>%1에 연결할 수 없습니다. %2 다음 시도: %3</translation>
    </message>
</context>
<context>
    <name>hoga::MarketNameDelegate</name>
    <message>
        <source>stale</source>
        <translation>지연</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>장 마감</translation>
    </message>
</context>
<context>
    <name>hoga::MlSignal</name>
    <message>
        <source>There is nothing to train on.</source>
        <translation>학습할 데이터가 없습니다.</translation>
    </message>
    <message>
        <source>Refused to train on an outcome not yet known at the time.</source>
        <translation>그 시점에 아직 알 수 없던 결과로는 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>ML signal (walk-forward)</source>
        <translation>ML 신호(워크포워드)</translation>
    </message>
    <message>
        <source>Training window</source>
        <translation>학습 창</translation>
    </message>
    <message>
        <source>Past candles with known outcomes the model learns from each time it is trained.</source>
        <translation>모델이 학습할 때마다 쓰는, 결과가 알려진 과거 캔들 수입니다.</translation>
    </message>
    <message>
        <source>Retrain every</source>
        <translation>재학습 주기</translation>
    </message>
    <message>
        <source>Candles predicted by one model before it is trained again.</source>
        <translation>모델 하나가 다시 학습하기 전까지 예측하는 캔들 수입니다.</translation>
    </message>
    <message>
        <source>Confidence threshold</source>
        <translation>신뢰도 기준</translation>
    </message>
    <message>
        <source>Buy when the probability of a higher close reaches this; sell when it falls to one minus this.</source>
        <translation>더 높게 마감할 확률이 이 값에 이르면 매수하고, 1에서 이 값을 뺀 값 이하로 떨어지면 매도합니다.</translation>
    </message>
    <message>
        <source>Candle interval</source>
        <translation>캔들 간격</translation>
    </message>
    <message>
        <source>The model reads candles of this length.</source>
        <translation>모델은 이 길이의 캔들을 읽습니다.</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>주문 금액</translation>
    </message>
    <message>
        <source>Amount of the quote currency spent on each buy.</source>
        <translation>매수할 때마다 쓰는 호가 통화 금액입니다.</translation>
    </message>
    <message>
        <source>Parameter order_value must be greater than zero.</source>
        <translation>order_value 파라미터는 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>A model name has 1 to 64 letters, digits, _ or -, not &quot;%1&quot;.</source>
        <translation>모델 이름은 문자, 숫자, _, - 로 1~64자여야 합니다. &quot;%1&quot;은(는) 안 됩니다.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>There is no saved model &quot;%1&quot; in %2.</source>
        <translation>%2에 저장된 모델 &quot;%1&quot;이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The saved model &quot;%1&quot; cannot be read.</source>
        <translation>저장된 모델 &quot;%1&quot;을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <source>Predicts whether the next candle closes higher with a linear regression or a random forest on returns, volatility, RSI and volume of closed candles, retrained on a rolling window of past outcomes only; buys above the confidence threshold and sells below its mirror.</source>
        <translation>마감된 캔들의 수익률, 변동성, RSI, 거래량으로 선형 회귀 또는 랜덤 포레스트가 다음 캔들이 더 높게 마감할지 예측합니다. 지난 결과만으로 이루어진 이동 구간에서 다시 학습하며, 신뢰 임계값 위에서 매수하고 그 대칭값 아래에서 매도합니다.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>linear: least-squares linear regression; forest: a random forest of regression trees. Both estimate the probability of a higher close.</source>
        <translation>linear: 최소제곱 선형 회귀, forest: 회귀 트리의 랜덤 포레스트. 둘 다 더 높게 마감할 확률을 추정합니다.</translation>
    </message>
    <message>
        <source>Parameter model must be linear or forest.</source>
        <translation>model 파라미터는 linear 또는 forest여야 합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::Notification</name>
    <message>
        <source>Fills</source>
        <translation>체결</translation>
    </message>
    <message>
        <source>Rejected orders</source>
        <translation>거부된 주문</translation>
    </message>
    <message>
        <source>Risk limits and halts</source>
        <translation>위험 한도와 정지</translation>
    </message>
    <message>
        <source>Emergency stop</source>
        <translation>긴급 정지</translation>
    </message>
    <message>
        <source>Venue disconnected (over 30 s)</source>
        <translation>거래소 연결 끊김(30초 이상)</translation>
    </message>
    <message>
        <source>Venue reconnected</source>
        <translation>거래소 재연결</translation>
    </message>
    <message>
        <source>Price alerts</source>
        <translation>가격 알림</translation>
    </message>
</context>
<context>
    <name>hoga::NotificationCenter</name>
    <message>
        <source>Bought %1 %2</source>
        <translation>%1 %2 매수</translation>
    </message>
    <message>
        <source>Sold %1 %2</source>
        <translation>%1 %2 매도</translation>
    </message>
    <message>
        <source>%1 at %2 on %3</source>
        <translation>%3에서 %2에 %1</translation>
    </message>
    <message>
        <source>%1 at %2 on %3 (bot %4)</source>
        <translation>%3에서 %2에 %1(봇 %4)</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
    <message>
        <source>Order rejected on %1</source>
        <translation>%1에서 주문 거부</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Risk limit refused an order on %1</source>
        <translation>%1에서 위험 한도가 주문을 거부함</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, bot %2: %3</source>
        <translation>%1, 봇 %2: %3</translation>
    </message>
    <message>
        <source>Bot %1 halted</source>
        <translation>봇 %1 정지</translation>
    </message>
    <message>
        <source>Emergency stop: all trading halted</source>
        <translation>긴급 정지: 모든 거래 중단</translation>
    </message>
    <message>
        <source>Cancelling every open order.</source>
        <translation>열린 주문을 모두 취소하는 중입니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n cancel(s) confirmed.</source>
        <translation>
            <numerusform>취소 %n건 중 %1건 확인됨.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) still open.</source>
        <translation>
            <numerusform>주문 %n건이 아직 열려 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s).</source>
        <translation>
            <numerusform>오류 %n건.</numerusform>
        </translation>
    </message>
    <message>
        <source>Emergency stop finished</source>
        <translation>긴급 정지 완료</translation>
    </message>
    <message>
        <source>%1 disconnected</source>
        <translation>%1 연결 끊김</translation>
    </message>
    <message numerus="yes">
        <source>No connection for %n s; reconnecting.</source>
        <translation>
            <numerusform>%n초 동안 연결이 없습니다. 다시 연결하는 중입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reconnected</source>
        <translation>%1 재연결됨</translation>
    </message>
    <message numerus="yes">
        <source>Back after %n s.</source>
        <translation>
            <numerusform>%n초 만에 복구되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Price alert: %1</source>
        <translation>가격 알림: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fills on %1</source>
        <translation>
            <numerusform>%1에서 %n건 체결</numerusform>
        </translation>
    </message>
    <message>
        <source>bought %1</source>
        <translation>%1 매수</translation>
    </message>
    <message>
        <source>sold %1</source>
        <translation>%1 매도</translation>
    </message>
    <message numerus="yes">
        <source>%n orders rejected on %1</source>
        <translation>
            <numerusform>%1에서 주문 %n건 거부</numerusform>
        </translation>
    </message>
    <message>
        <source>Last reason: %1</source>
        <translation>마지막 사유: %1</translation>
    </message>
    <message numerus="yes">
        <source>Risk limits refused %n orders on %1</source>
        <translation>
            <numerusform>%1에서 위험 한도가 주문 %n건을 거부함</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n fills on %1 markets</source>
        <translation>
            <numerusform>%1개 마켓에서 %n건 체결</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orders rejected on %1 markets</source>
        <translation>
            <numerusform>%1개 마켓에서 주문 %n건 거부</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Risk limits refused %n orders on %1 markets</source>
        <translation>
            <numerusform>%1개 마켓에서 위험 한도가 주문 %n건을 거부함</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>외 %n건</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hoga::NotificationSettingsWidget</name>
    <message>
        <source>Notify me about</source>
        <translation>알림 받을 항목</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>웹훅</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>보낼 곳</translation>
    </message>
    <message>
        <source>On</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>편집…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>테스트 메시지 보내기</translation>
    </message>
    <message>
        <source>Test message delivered.</source>
        <translation>테스트 메시지를 보냈습니다.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>저장하는 중…</translation>
    </message>
    <message>
        <source>Hoga test message</source>
        <translation>Hoga 테스트 메시지</translation>
    </message>
    <message>
        <source>If you can read this, Hoga&apos;s notifications reach this channel.</source>
        <translation>이 메시지가 보이면 Hoga 알림이 이 채널에 도착합니다.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>보내는 중…</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>알림</translation>
    </message>
    <message>
        <source>Webhooks keep their addresses in the profile&apos;s key store, which is not available for this profile.</source>
        <translation>웹훅 주소는 프로필의 키 저장소에 보관하는데, 이 프로필에서는 키 저장소를 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>모두</translation>
    </message>
</context>
<context>
    <name>hoga::OpenOrdersModel</name>
    <message>
        <source>Cancelling…</source>
        <translation>취소 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>hoga::Order</name>
    <message>
        <source>regular session</source>
        <translation>정규장</translation>
    </message>
    <message>
        <source>pre-market session at the previous close</source>
        <translation>장전 시간외 종가(전일 종가)</translation>
    </message>
    <message>
        <source>post-market session at today&apos;s close</source>
        <translation>장후 시간외 종가(당일 종가)</translation>
    </message>
    <message>
        <source>after-hours single-price session</source>
        <translation>시간외 단일가</translation>
    </message>
</context>
<context>
    <name>hoga::OrderBookSideModel</name>
    <message>
        <source>Click to use this price in the order ticket</source>
        <translation>클릭하면 이 가격을 주문창에 입력합니다</translation>
    </message>
    <message>
        <source>Ask price</source>
        <translation>매도호가</translation>
    </message>
    <message>
        <source>Bid price</source>
        <translation>매수호가</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>잔량</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>누적</translation>
    </message>
</context>
<context>
    <name>hoga::OrderBookTab</name>
    <message>
        <source>Order book</source>
        <translation>호가</translation>
    </message>
    <message>
        <source>No trades yet</source>
        <translation>아직 체결 없음</translation>
    </message>
    <message>
        <source>Recent trades</source>
        <translation>최근 체결</translation>
    </message>
    <message>
        <source>Waiting for the order book…</source>
        <translation>호가 수신 대기 중…</translation>
    </message>
    <message>
        <source>Spread %1 (%2)</source>
        <translation>스프레드 %1 (%2)</translation>
    </message>
    <message>
        <source>Mid %1</source>
        <translation>중간가 %1</translation>
    </message>
    <message numerus="yes">
        <source>Trade strength (체결강도): the quantity bought against the quantity sold over the last %n trades, × 100 %. Above 100 % buyers were the more eager side.</source>
        <translation>
            <numerusform>체결강도: 최근 %n건의 체결에서 매수 체결량 ÷ 매도 체결량 × 100 %. 100 %보다 높으면 매수세가 더 강했다는 뜻입니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>호가 누적 (뎁스)</translation>
    </message>
    <message>
        <source>Trade strength %1</source>
        <translation>체결강도 %1</translation>
    </message>
</context>
<context>
    <name>hoga::OrderConfirmDialog</name>
    <message>
        <source>Confirm order</source>
        <translation>주문 확인</translation>
    </message>
    <message>
        <source>Send this order?</source>
        <translation>이 주문을 보낼까요?</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>Order type</source>
        <translation>주문유형</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>주문가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>주문금액</translation>
    </message>
    <message>
        <source>Estimated fee</source>
        <translation>예상 수수료</translation>
    </message>
    <message>
        <source>This is a real order on %1: it uses your funds once sent.</source>
        <translation>%1의 실제 주문입니다. 전송하면 실제 자금이 사용됩니다.</translation>
    </message>
    <message>
        <source>Paper order on the simulated market: no real money moves.</source>
        <translation>모의 시장의 모의 주문입니다. 실제 자금은 움직이지 않습니다.</translation>
    </message>
    <message>
        <source>Don&apos;t ask again for simulated orders</source>
        <translation>모의 주문은 다시 묻지 않기</translation>
    </message>
    <message>
        <source>Orders on real venues always ask. Turn this back on in the Orders menu.</source>
        <translation>실제 거래소 주문은 항상 확인합니다. 주문 메뉴에서 다시 켤 수 있습니다.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>hoga::OrderEntry</name>
    <message>
        <source>The venue connection is closed.</source>
        <translation>거래소 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>The connection closed before the venue answered the order request.</source>
        <translation>거래소가 주문 요청에 응답하기 전에 연결이 끊어졌습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::OrderJournal</name>
    <message>
        <source>The order journal could not be written: %1</source>
        <translation>주문 기록을 저장할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>order %1 is not in the journal</source>
        <translation>주문 %1이(가) 주문 기록에 없습니다</translation>
    </message>
</context>
<context>
    <name>hoga::OrderManager</name>
    <message>
        <source>Order %1: cannot go from %2 to %3.</source>
        <translation>주문 %1: %2에서 %3(으)로 전환할 수 없습니다.</translation>
    </message>
    <message>
        <source>Order %1: %2</source>
        <translation>주문 %1: %2</translation>
    </message>
    <message>
        <source>Order %1: the client id is empty or already used.</source>
        <translation>주문 %1: 클라이언트 ID가 비어 있거나 이미 사용 중입니다.</translation>
    </message>
    <message>
        <source>Order %1 cannot be cancelled now.</source>
        <translation>주문 %1은(는) 지금 취소할 수 없습니다.</translation>
    </message>
    <message>
        <source>Order %1 is not followed.</source>
        <translation>주문 %1은(는) 추적 중인 주문이 아닙니다.</translation>
    </message>
    <message>
        <source>Replaced by the modified order %1.</source>
        <translation>정정 주문 %1(으)로 대체되었습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::OrderTableModel</name>
    <message>
        <source>Time</source>
        <translation>주문시간</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>종목</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>종류</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>주문유형</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>주문가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>주문수량</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>체결수량</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>미체결량</translation>
    </message>
    <message>
        <source>Avg. fill price</source>
        <translation>평균 체결가</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>hoga::OrderText</name>
    <message>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>주문 %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>지정가</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>전송 중</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>부분 체결</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>체결 완료</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>Best price</source>
        <translation>최유리</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>전송 대기</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>전송됨</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>취소 중</translation>
    </message>
    <message>
        <source>Never sent</source>
        <translation>전송되지 않음</translation>
    </message>
    <message>
        <source>Placed outside Hoga</source>
        <translation>Hoga 밖에서 낸 주문</translation>
    </message>
    <message>
        <source>At the close</source>
        <translation>종가</translation>
    </message>
    <message>
        <source>Pre-market close</source>
        <translation>장전 시간외</translation>
    </message>
    <message>
        <source>Post-market close</source>
        <translation>장후 시간외</translation>
    </message>
    <message>
        <source>After-hours single price</source>
        <translation>시간외 단일가</translation>
    </message>
</context>
<context>
    <name>hoga::OrderTicket</name>
    <message>
        <source>%1 %2 %3 at %4 %5</source>
        <translation>%4 %5에 %2 %3 %1</translation>
    </message>
    <message>
        <source>%1 %2 at market</source>
        <translation>%2 시장가 %1</translation>
    </message>
    <message>
        <source>Order accepted: %1 (%2).</source>
        <translation>주문 접수: %1 (%2).</translation>
    </message>
    <message>
        <source>Order rejected: %1</source>
        <translation>주문 거부: %1</translation>
    </message>
    <message>
        <source>Order ticket</source>
        <translation>주문</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Orders go to the built-in simulator (paper trading).</source>
        <translation>주문은 내장 시뮬레이터로 전송됩니다 (모의 거래).</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>매수</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>매도</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>지정가</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>시장가</translation>
    </message>
    <message>
        <source>One tick lower (Down arrow)</source>
        <translation>한 호가 아래로 (↓ 키)</translation>
    </message>
    <message>
        <source>One tick higher (Up arrow)</source>
        <translation>한 호가 위로 (↑ 키)</translation>
    </message>
    <message>
        <source>Use %1% of the available balance</source>
        <translation>주문 가능 잔고의 %1% 사용</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>주문 가능</translation>
    </message>
    <message>
        <source>Order value</source>
        <translation>주문금액</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>수수료</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>Select a market</source>
        <translation>종목을 선택하세요</translation>
    </message>
    <message>
        <source>Price (%1)</source>
        <translation>주문가격 (%1)</translation>
    </message>
    <message>
        <source>Quantity (%1)</source>
        <translation>주문수량 (%1)</translation>
    </message>
    <message>
        <source>Total (%1)</source>
        <translation>주문총액 (%1)</translation>
    </message>
    <message>
        <source>Best available price</source>
        <translation>최우선 호가로 체결</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>지정가 입력</translation>
    </message>
    <message>
        <source>Amount of %1</source>
        <translation>%1 수량</translation>
    </message>
    <message>
        <source>Amount of %1 to spend</source>
        <translation>사용할 %1 금액</translation>
    </message>
    <message>
        <source>You pay</source>
        <translation>결제 금액</translation>
    </message>
    <message>
        <source>You receive</source>
        <translation>수령 금액</translation>
    </message>
    <message>
        <source>Buy %1</source>
        <translation>%1 매수</translation>
    </message>
    <message>
        <source>Sell %1</source>
        <translation>%1 매도</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>숫자가 아닙니다: “%1”</translation>
    </message>
    <message>
        <source>Select a market in the list.</source>
        <translation>목록에서 종목을 선택하세요.</translation>
    </message>
    <message>
        <source>Waiting for the market&apos;s trading rules…</source>
        <translation>종목의 거래 규칙을 기다리는 중…</translation>
    </message>
    <message>
        <source>Fix the highlighted field.</source>
        <translation>표시된 항목을 수정하세요.</translation>
    </message>
    <message>
        <source>no %1 balance</source>
        <translation>%1 잔고 없음</translation>
    </message>
    <message>
        <source>Fee (%1)</source>
        <translation>수수료 (%1)</translation>
    </message>
    <message>
        <source>Enter a price first: the quantity is computed from it.</source>
        <translation>먼저 가격을 입력하세요. 수량은 가격을 기준으로 계산됩니다.</translation>
    </message>
    <message>
        <source>Sending %1 order…</source>
        <translation>%1 주문 전송 중…</translation>
    </message>
    <message>
        <source>Time in force</source>
        <translation>주문 조건</translation>
    </message>
    <message>
        <source>GTC (until cancelled)</source>
        <translation>GTC (취소할 때까지)</translation>
    </message>
    <message>
        <source>IOC (immediate or cancel)</source>
        <translation>IOC (즉시 체결 후 잔량 취소)</translation>
    </message>
    <message>
        <source>FOK (fill or kill)</source>
        <translation>FOK (전량 체결 아니면 취소)</translation>
    </message>
    <message>
        <source>Post only</source>
        <translation>포스트 온리</translation>
    </message>
    <message>
        <source>IOC cancels what does not fill at once; FOK fills completely at once or not at all; post only is cancelled if it would fill at once.</source>
        <translation>IOC는 즉시 체결되지 않은 잔량을 취소하고, FOK는 즉시 전량 체결되지 않으면 전부 취소하며, 포스트 온리는 즉시 체결될 경우 취소됩니다.</translation>
    </message>
    <message>
        <source>“%1” is too large.</source>
        <translation>너무 큰 값입니다: “%1”</translation>
    </message>
    <message>
        <source>These numbers are too large.</source>
        <translation>입력한 값이 너무 큽니다.</translation>
    </message>
    <message>
        <source>Waiting for the venue to answer the order just sent.</source>
        <translation>방금 보낸 주문에 대한 거래소 응답을 기다리는 중입니다.</translation>
    </message>
    <message>
        <source>This order was just sent. Change the price or quantity to send another.</source>
        <translation>방금 보낸 주문입니다. 또 보내려면 가격이나 수량을 바꾸세요.</translation>
    </message>
    <message>
        <source>Order not sent.</source>
        <translation>주문을 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>Best available, now ≈ %1 %2</source>
        <translation>최우선 호가, 현재 ≈ %1 %2</translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation>%2 %3 중 %1</translation>
    </message>
    <message>
        <source>Order partially filled: %1 — %2 filled.</source>
        <translation>부분 체결: %1 — %2 체결.</translation>
    </message>
    <message>
        <source>Order filled: %1 — %2 at %3 %4 on average.</source>
        <translation>체결 완료: %1 — %2, 평균 %3 %4.</translation>
    </message>
    <message>
        <source>Order filled: %1.</source>
        <translation>체결 완료: %1.</translation>
    </message>
    <message>
        <source>Order cancelled: %1 — %2 had filled.</source>
        <translation>주문 취소: %1 — 취소 전 %2 체결.</translation>
    </message>
    <message>
        <source>Order cancelled: %1.</source>
        <translation>주문 취소: %1.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>수량</translation>
    </message>
    <message>
        <source>Amount to spend</source>
        <translation>주문 금액</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>거래 시간대</translation>
    </message>
    <message>
        <source>KST on weekdays. The closing-price sessions trade at a fixed price; the single-price session matches every 10 minutes within 10% of today&apos;s close.</source>
        <translation>평일 한국 시간 기준입니다. 시간외 종가는 정해진 종가로 체결되고, 시간외 단일가는 당일 종가 ±10% 안에서 10분마다 체결됩니다.</translation>
    </message>
    <message>
        <source>Previous close</source>
        <translation>전일 종가</translation>
    </message>
    <message>
        <source>Today&apos;s close</source>
        <translation>당일 종가</translation>
    </message>
    <message>
        <source>The previous close</source>
        <translation>전일 종가</translation>
    </message>
    <message>
        <source>Today&apos;s close, now %1 %2</source>
        <translation>당일 종가, 현재 %1 %2</translation>
    </message>
    <message>
        <source>Regular (%1)</source>
        <translation>정규장 (%1)</translation>
    </message>
    <message>
        <source>Pre-market close (%1)</source>
        <translation>장전 시간외 (%1)</translation>
    </message>
    <message>
        <source>Post-market close (%1)</source>
        <translation>장후 시간외 (%1)</translation>
    </message>
    <message>
        <source>After-hours single (%1)</source>
        <translation>시간외 단일가 (%1)</translation>
    </message>
</context>
<context>
    <name>hoga::OrderValidator</name>
    <message>
        <source>The order total is too large to compute. Enter a smaller quantity or price.</source>
        <translation>주문총액이 너무 커서 계산할 수 없습니다. 수량이나 가격을 줄여 입력하세요.</translation>
    </message>
    <message>
        <source>No market is selected.</source>
        <translation>선택된 종목이 없습니다.</translation>
    </message>
    <message>
        <source>The market %1 is unknown: no trading rules are loaded for it.</source>
        <translation>알 수 없는 종목입니다: %1 (거래 규칙이 로드되지 않았습니다).</translation>
    </message>
    <message>
        <source>Enter a price for the limit order.</source>
        <translation>지정가 주문의 가격을 입력하세요.</translation>
    </message>
    <message>
        <source>Price %1 %2 must be greater than zero.</source>
        <translation>가격 %1 %2: 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>Price %1 %2 is not a multiple of the %3 %2 tick. Nearest valid prices: %4 or %5 %2.</source>
        <translation>가격 %1 %2: 호가 단위(%3 %2)에 맞지 않습니다. 가장 가까운 주문 가능 가격: %4 또는 %5 %2.</translation>
    </message>
    <message>
        <source>Enter an amount to spend or a quantity to buy.</source>
        <translation>사용할 금액이나 매수할 수량을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a quantity.</source>
        <translation>수량을 입력하세요.</translation>
    </message>
    <message>
        <source>Quantity %1 %2 must be greater than zero.</source>
        <translation>수량 %1 %2: 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>Quantity %1 %2 is not a multiple of the %3 %2 step. Nearest valid quantity: %4 %2.</source>
        <translation>수량 %1 %2: 수량 단위(%3 %2)에 맞지 않습니다. 가장 가까운 주문 가능 수량: %4 %2.</translation>
    </message>
    <message>
        <source>Quantity %1 %2 is below the minimum of %3 %2.</source>
        <translation>수량 %1 %2: 최소 주문수량 %3 %2보다 적습니다.</translation>
    </message>
    <message>
        <source>Amount %1 %2 must be greater than zero.</source>
        <translation>금액 %1 %2: 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>No current price is known for %1, so this market order cannot be checked against the minimum order total of %2 %3. Wait for market data and try again.</source>
        <translation>%1의 현재가를 알 수 없어 이 시장가 주문이 최소 주문금액(%2 %3) 이상인지 확인할 수 없습니다. 시세를 받은 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>Order total %1 %2 is below the minimum of %3 %2.</source>
        <translation>주문총액 %1 %2: 최소 주문금액 %3 %2보다 적습니다.</translation>
    </message>
    <message>
        <source>Order total %1 %2 exceeds the maximum of %3 %2.</source>
        <translation>주문총액 %1 %2: 최대 주문금액 %3 %2보다 많습니다.</translation>
    </message>
    <message>
        <source>Insufficient %1: the order sells %2 %1 but only %3 %1 is available.</source>
        <translation>%1 잔고가 부족합니다. 매도 수량은 %2 %1, 주문 가능 수량은 %3 %1입니다.</translation>
    </message>
    <message>
        <source>Insufficient %1: the order needs %2 %1 including the %3% fee, but only %4 %1 is available.</source>
        <translation>%1 잔고가 부족합니다. 필요 금액은 수수료 %3% 포함 %2 %1, 주문 가능 금액은 %4 %1입니다.</translation>
    </message>
    <message>
        <source>Post-only is available for limit orders only.</source>
        <translation>포스트 온리는 지정가 주문에서만 사용할 수 있습니다.</translation>
    </message>
    <message>
        <source>Market orders take no time in force. Use a best-price order for IOC or FOK.</source>
        <translation>시장가 주문에는 주문 조건을 지정할 수 없습니다. IOC나 FOK는 최유리 주문을 사용하세요.</translation>
    </message>
    <message>
        <source>A best-price order needs a time in force of IOC (immediate or cancel) or FOK (fill or kill).</source>
        <translation>최유리 주문에는 IOC(즉시 체결 후 잔량 취소) 또는 FOK(전량 체결 아니면 취소) 조건이 필요합니다.</translation>
    </message>
    <message>
        <source>A best-price order takes no price: it executes at the best available price.</source>
        <translation>최유리 주문에는 가격을 지정하지 않습니다. 최우선 호가로 체결됩니다.</translation>
    </message>
    <message>
        <source>A best-price buy is given by the amount to spend in %1, not by quantity.</source>
        <translation>최유리 매수는 수량이 아니라 사용할 %1 금액으로 지정합니다.</translation>
    </message>
    <message>
        <source>Enter an amount in %1 to spend.</source>
        <translation>사용할 %1 금액을 입력하세요.</translation>
    </message>
    <message>
        <source>A best-price sell is given by the quantity of %1 to sell, not by amount.</source>
        <translation>최유리 매도는 금액이 아니라 매도할 %1 수량으로 지정합니다.</translation>
    </message>
    <message>
        <source>This venue has no best-price orders.</source>
        <translation>이 거래소는 최유리 지정가 주문을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>This venue has no market orders.</source>
        <translation>이 거래소는 시장가 주문을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>This venue does not take that time in force on limit orders.</source>
        <translation>이 거래소는 지정가 주문에 해당 주문 조건을 지원하지 않습니다.</translation>
    </message>
    <message>
        <source>A market order takes no price: it executes at the best available prices.</source>
        <translation>시장가 주문에는 가격을 입력하지 않습니다. 가장 유리한 가격으로 체결됩니다.</translation>
    </message>
    <message>
        <source>A market sell is given by the quantity of %1 to sell, not by amount.</source>
        <translation>시장가 매도는 금액이 아니라 매도할 %1 수량으로 입력합니다.</translation>
    </message>
    <message>
        <source>Give a market buy either an amount to spend or a quantity, not both.</source>
        <translation>시장가 매수는 주문 금액과 수량 중 하나만 입력하세요.</translation>
    </message>
    <message>
        <source>A market buy on this venue is given by the amount to spend in %1, not by quantity.</source>
        <translation>이 거래소의 시장가 매수는 수량이 아니라 사용할 %1 금액으로 입력합니다.</translation>
    </message>
    <message>
        <source>A market buy on this venue is given by the quantity of %1 to buy, not by amount.</source>
        <translation>이 거래소의 시장가 매수는 금액이 아니라 매수할 %1 수량으로 입력합니다.</translation>
    </message>
    <message>
        <source>Quantity %1 %2 exceeds the maximum of %3 %2.</source>
        <translation>수량 %1 %2이(가) 최대 %3 %2을(를) 넘습니다.</translation>
    </message>
    <message>
        <source>A market order&apos;s quantity must be a multiple of %1 %2. Nearest valid quantity: %3 %2.</source>
        <translation>시장가 주문 수량은 %1 %2의 배수여야 합니다. 가장 가까운 유효 수량: %3 %2.</translation>
    </message>
    <message>
        <source>A market order&apos;s quantity must be at least %1 %2.</source>
        <translation>시장가 주문 수량은 최소 %1 %2이어야 합니다.</translation>
    </message>
    <message>
        <source>A market order&apos;s quantity must be at most %1 %2. Use a limit order or split the order.</source>
        <translation>시장가 주문 수량은 최대 %1 %2입니다. 지정가 주문을 쓰거나 주문을 나누세요.</translation>
    </message>
    <message>
        <source>The after-hours sessions are for Korean stocks only; %1 trades in its regular session.</source>
        <translation>시간외 거래는 국내 주식에만 있습니다. %1은(는) 정규 거래 시간에만 거래됩니다.</translation>
    </message>
    <message>
        <source>This venue takes no orders for the %1.</source>
        <translation>이 거래소는 %1 주문을 받지 않습니다.</translation>
    </message>
    <message>
        <source>Orders for the %1 are plain limit orders: no market or best-price orders, no IOC or FOK.</source>
        <translation>%1 주문은 일반 지정가 주문만 됩니다. 시장가·최유리 주문과 IOC·FOK 조건은 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>The pre-market session trades at the previous close: the order takes no price.</source>
        <translation>장전 시간외는 전일 종가로 체결되므로 주문 가격을 입력하지 않습니다.</translation>
    </message>
    <message>
        <source>The post-market session trades at today&apos;s close: the order takes no price.</source>
        <translation>장후 시간외는 당일 종가로 체결되므로 주문 가격을 입력하지 않습니다.</translation>
    </message>
    <message>
        <source>The Korean stock market is closed. Orders are taken %1 KST on weekdays.</source>
        <translation>한국 주식시장이 마감되었습니다. 주문은 평일 %1(한국 시간)에 받습니다.</translation>
    </message>
    <message>
        <source>The pre-market session at the previous close is closed. It takes orders %1 KST on weekdays.</source>
        <translation>장전 시간외 종가 거래 시간이 아닙니다. 평일 %1(한국 시간)에 주문을 받습니다.</translation>
    </message>
    <message>
        <source>The post-market session at today&apos;s close is closed. It takes orders %1 KST on weekdays and matches them from 15:40.</source>
        <translation>장후 시간외 종가 거래 시간이 아닙니다. 평일 %1(한국 시간)에 주문을 받고 15:40부터 체결합니다.</translation>
    </message>
    <message>
        <source>The after-hours single-price session is closed. It takes orders %1 KST on weekdays and matches them every 10 minutes.</source>
        <translation>시간외 단일가 거래 시간이 아닙니다. 평일 %1(한국 시간)에 주문을 받고 10분마다 체결합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::PortfolioHistoryChart</name>
    <message>
        <source>Total value (KRW)</source>
        <translation>총 평가금액 (KRW)</translation>
    </message>
    <message>
        <source>Total value (USDT)</source>
        <translation>총 평가금액 (USDT)</translation>
    </message>
    <message>
        <source>Portfolio value history: Hoga records the total every minute.</source>
        <translation>자산 평가금액 추이: Hoga가 1분마다 총액을 기록합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::PortfolioModel</name>
    <message>
        <source>No live %1 price from the venue: this holding is not valued.</source>
        <translation>거래소에서 %1 실시간 시세를 받지 못해 이 자산은 평가되지 않았습니다.</translation>
    </message>
    <message>
        <source>Average buy price in KRW, as the venue reports it</source>
        <translation>거래소가 제공하는 KRW 기준 평균 매수가</translation>
    </message>
    <message>
        <source>Current price in KRW (through USDT where there is no KRW market)</source>
        <translation>KRW 기준 현재가 (KRW 마켓이 없으면 USDT를 거쳐 환산)</translation>
    </message>
    <message>
        <source>Unrealised profit or loss in KRW against the average buy price</source>
        <translation>평균 매수가 대비 KRW 기준 평가손익</translation>
    </message>
    <message>
        <source>Share of the total value</source>
        <translation>총 평가금액 중 비중</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>보유자산</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>보유수량</translation>
    </message>
    <message>
        <source>Avg. price</source>
        <translation>평균 매수가</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>현재가</translation>
    </message>
    <message>
        <source>Value KRW</source>
        <translation>평가금액(KRW)</translation>
    </message>
    <message>
        <source>Value USDT</source>
        <translation>평가금액(USDT)</translation>
    </message>
    <message>
        <source>PnL KRW</source>
        <translation>평가손익(KRW)</translation>
    </message>
    <message>
        <source>PnL %</source>
        <translation>수익률</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>비중</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>시세 없음</translation>
    </message>
    <message>
        <source>No running venue quotes %1 in KRW or USDT: this holding is not valued and not in the totals.</source>
        <translation>실행 중인 거래소 중 %1의 KRW 또는 USDT 시세를 제공하는 곳이 없습니다. 이 보유 자산은 평가되지 않으며 합계에서 제외됩니다.</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>Price: %1</source>
        <translation>가격: %1</translation>
    </message>
    <message>
        <source>USDT: 1 USDT = %1 KRW (%2)</source>
        <translation>USDT: 1 USDT = %1 KRW (%2)</translation>
    </message>
</context>
<context>
    <name>hoga::PortfolioTab</name>
    <message>
        <source>Portfolio</source>
        <translation>포트폴리오</translation>
    </message>
    <message>
        <source>Simulated</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Paper balances on the built-in simulator: no real money is involved.</source>
        <translation>내장 시뮬레이터의 모의 잔고입니다. 실제 자금은 사용되지 않습니다.</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>총 평가금액</translation>
    </message>
    <message>
        <source>Unrealised PnL</source>
        <translation>총 평가손익</translation>
    </message>
    <message>
        <source>KRW cash</source>
        <translation>보유 KRW</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>보유 자산 수</translation>
    </message>
    <message>
        <source>Loading balances…</source>
        <translation>잔고 불러오는 중…</translation>
    </message>
    <message>
        <source>This account holds no assets.</source>
        <translation>이 계정에는 보유 자산이 없습니다.</translation>
    </message>
    <message>
        <source>No holdings</source>
        <translation>보유 자산 없음</translation>
    </message>
    <message>
        <source>Waiting for balances…</source>
        <translation>잔고 수신 대기 중…</translation>
    </message>
    <message>
        <source>no KRW-USDT rate</source>
        <translation>KRW-USDT 환율 없음</translation>
    </message>
    <message>
        <source>1 USDT = %1 KRW (%2)</source>
        <translation>1 USDT = %1 KRW (%2)</translation>
    </message>
    <message>
        <source>No running venue quotes KRW-USDT.</source>
        <translation>실행 중인 거래소 중 KRW-USDT 시세를 제공하는 곳이 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%n holding(s) with no price anywhere are not in the total.</source>
        <translation>
            <numerusform>어디에도 시세가 없는 보유 자산 %n개는 합계에서 제외됩니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without price</source>
        <translation>
            <numerusform>시세 없음 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>USDT at 1 USDT = %1 KRW (%2)</source>
        <translation>USDT 환산: 1 USDT = %1 KRW (%2)</translation>
    </message>
</context>
<context>
    <name>hoga::PriceAlert</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n분</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n초</numerusform>
        </translation>
    </message>
    <message>
        <source>Above %1</source>
        <translation>%1 이상</translation>
    </message>
    <message>
        <source>Below %1</source>
        <translation>%1 이하</translation>
    </message>
    <message>
        <source>Moves %1 % within %2</source>
        <translation>%2 안에 %1% 변동</translation>
    </message>
    <message>
        <source>%1 on %2 at %3 (alert: %4)</source>
        <translation>%2의 %1이(가) %3(알림: %4)</translation>
    </message>
    <message>
        <source>Choose a market.</source>
        <translation>마켓을 고르세요.</translation>
    </message>
    <message>
        <source>The percentage must be above zero.</source>
        <translation>비율은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>The price must be above zero.</source>
        <translation>가격은 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>The percentage may be at most 1000.</source>
        <translation>비율은 최대 1000입니다.</translation>
    </message>
    <message>
        <source>The window must be between 1 second and 7 days.</source>
        <translation>기간은 1초에서 7일 사이여야 합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::PriceAlertBook</name>
    <message>
        <source>Could not save the alert: %1</source>
        <translation>알림을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Could not remove the alert: %1</source>
        <translation>알림을 삭제하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::PriceAlertEditor</name>
    <message>
        <source>New price alert</source>
        <translation>새 가격 알림</translation>
    </message>
    <message>
        <source>upbit:KRW-BTC</source>
        <translation>upbit:KRW-BTC</translation>
    </message>
    <message>
        <source>Price rises to or above</source>
        <translation>가격이 이 값 이상으로 오르면</translation>
    </message>
    <message>
        <source>Price falls to or below</source>
        <translation>가격이 이 값 이하로 내리면</translation>
    </message>
    <message>
        <source>Price moves by a percentage</source>
        <translation>가격이 일정 비율 움직이면</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 분</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>기준값</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>기간</translation>
    </message>
    <message>
        <source>Add alert</source>
        <translation>알림 추가</translation>
    </message>
    <message>
        <source>Percentage, e.g. 5</source>
        <translation>비율, 예: 5</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
    <message>
        <source>Enter a percentage.</source>
        <translation>비율을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>가격을 입력하세요.</translation>
    </message>
    <message>
        <source>Choose a market.</source>
        <translation>마켓을 고르세요.</translation>
    </message>
    <message>
        <source>Write the market as venue:market, e.g. upbit:KRW-BTC.</source>
        <translation>마켓을 거래소:마켓 형식으로 쓰세요. 예: upbit:KRW-BTC.</translation>
    </message>
    <message>
        <source>No such market: %1.</source>
        <translation>해당 마켓이 없습니다: %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>&quot;%1&quot;은(는) 숫자가 아닙니다.</translation>
    </message>
</context>
<context>
    <name>hoga::PriceAlertTableModel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Armed</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>발동됨</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>마켓</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>조건</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Fired at</source>
        <translation>발동 시각</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>가격</translation>
    </message>
</context>
<context>
    <name>hoga::PriceAlertsWidget</name>
    <message>
        <source>Add alert…</source>
        <translation>알림 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <source>Re-arm</source>
        <translation>다시 켜기</translation>
    </message>
    <message>
        <source>Arm a fired alert again: it fires once more when its condition is met.</source>
        <translation>발동된 알림을 다시 켭니다: 조건이 맞으면 한 번 더 발동합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileDatabase</name>
    <message>
        <source>Could not create the database %1: %2</source>
        <translation>데이터베이스 %1을(를) 만들 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not open the database %1: %2</source>
        <translation>데이터베이스 %1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>This profile&apos;s database was written by a newer version of Hoga (schema %1; this version understands up to %2). Update Hoga to open it.</source>
        <translation>이 프로필의 데이터베이스는 더 새로운 버전의 Hoga에서 작성되었습니다 (스키마 %1, 이 버전은 %2까지 지원). 열려면 Hoga를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Could not update the database %1: %2</source>
        <translation>데이터베이스 %1을(를) 업데이트할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not update the database %1 to schema %2: %3</source>
        <translation>데이터베이스 %1을(를) 스키마 %2(으)로 업데이트할 수 없습니다: %3</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileEngine</name>
    <message>
        <source>buy %1</source>
        <translation>%1 매수</translation>
    </message>
    <message>
        <source>sell %1</source>
        <translation>%1 매도</translation>
    </message>
    <message>
        <source>The bots of this profile could not be loaded.</source>
        <translation>이 프로필의 봇을 불러오지 못했습니다.</translation>
    </message>
    <message>
        <source>The venue connection is closed.</source>
        <translation>거래소 연결이 닫혔습니다.</translation>
    </message>
    <message>
        <source>The venue did not take the order.</source>
        <translation>거래소가 주문을 받지 않았습니다.</translation>
    </message>
    <message>
        <source>Order %1 (%2): %3</source>
        <translation>주문 %1(%2): %3</translation>
    </message>
    <message>
        <source>Give the bot a name.</source>
        <translation>봇 이름을 정하세요.</translation>
    </message>
    <message>
        <source>A bot named “%1” already exists.</source>
        <translation>“%1”이라는 봇이 이미 있습니다.</translation>
    </message>
    <message>
        <source>A deleted bot named “%1” has orders in the journal; choose another name.</source>
        <translation>삭제된 봇 “%1”의 주문이 저널에 있습니다. 다른 이름을 고르세요.</translation>
    </message>
    <message>
        <source>There is no bot named “%1”.</source>
        <translation>“%1”이라는 봇이 없습니다.</translation>
    </message>
    <message>
        <source>Choose a strategy.</source>
        <translation>전략을 고르세요.</translation>
    </message>
    <message>
        <source>Choose a venue.</source>
        <translation>거래소를 고르세요.</translation>
    </message>
    <message>
        <source>Choose a market.</source>
        <translation>마켓을 고르세요.</translation>
    </message>
    <message>
        <source>%1 does not list the market %2.</source>
        <translation>%1에 마켓 %2이(가) 없습니다.</translation>
    </message>
    <message>
        <source>The trading engine is not open.</source>
        <translation>거래 엔진이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation>%1 사본</translation>
    </message>
    <message>
        <source>The account&apos;s risk limits could not be saved: %1</source>
        <translation>계좌 위험 한도를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>The bots&apos; result today, %1 %2, reached the account&apos;s daily loss limit of %3: every bot is halted and its orders are cancelled.</source>
        <translation>오늘 봇들의 손익 %1 %2이(가) 계좌 일일 손실 한도 %3에 도달했습니다. 모든 봇을 정지하고 주문을 취소합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileGate</name>
    <message>
        <source>This profile is already open in another Hoga window.</source>
        <translation>이 프로필은 이미 다른 Hoga 창에서 열려 있습니다.</translation>
    </message>
    <message>
        <source>The profile could not be opened. %1</source>
        <translation>프로필을 열 수 없습니다. %1</translation>
    </message>
    <message>
        <source>No system keychain found; keys are kept in an encrypted file protected by your profile password.</source>
        <translation>시스템 키체인을 찾을 수 없어, 키를 프로필 비밀번호로 보호되는 암호화 파일에 보관합니다.</translation>
    </message>
    <message>
        <source>The %1 key could not be read: %2</source>
        <translation>%1 키를 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The profile “%1” is locked by another Hoga process that does not answer (lock file %2). Close that Hoga and start again; if none is running, delete the lock file.</source>
        <translation>프로필 “%1”이(가) 응답하지 않는 다른 Hoga 프로세스에 잠겨 있습니다(잠금 파일 %2). 그 Hoga를 닫고 다시 시작하세요. 실행 중인 Hoga가 없다면 잠금 파일을 삭제하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileLock</name>
    <message>
        <source>Could not create the profile folder %1.</source>
        <translation>프로필 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not lock the profile folder %1.</source>
        <translation>프로필 폴더 %1을(를) 잠글 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileManager</name>
    <message>
        <source>This profile no longer exists.</source>
        <translation>이 프로필은 더 이상 존재하지 않습니다.</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>데모</translation>
    </message>
    <message>
        <source>Demo (simulator)</source>
        <translation>데모 (시뮬레이터)</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>Enter a name for the profile.</source>
        <translation>프로필 이름을 입력하세요.</translation>
    </message>
    <message>
        <source>The profile name is too long (at most %1 characters).</source>
        <translation>프로필 이름이 너무 깁니다 (최대 %1자).</translation>
    </message>
    <message>
        <source>The profile name cannot contain control characters.</source>
        <translation>프로필 이름에는 제어 문자를 사용할 수 없습니다.</translation>
    </message>
    <message>
        <source>Choose a password of at least %1 characters.</source>
        <translation>비밀번호는 %1자 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Could not hash the password.</source>
        <translation>비밀번호를 해시할 수 없습니다.</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>&quot;%1&quot; 프로필이 이미 있습니다.</translation>
    </message>
    <message>
        <source>Wrong password for profile &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; 프로필의 비밀번호가 틀렸습니다.</translation>
    </message>
    <message>
        <source>Could not delete the folder %1. Close programs using it and try again.</source>
        <translation>폴더 %1을(를) 삭제할 수 없습니다. 이 폴더를 사용하는 프로그램을 닫고 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The profile was removed, but some of its files in %1 could not be deleted.</source>
        <translation>프로필은 제거되었지만 %1에 있는 일부 파일을 삭제할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileRemover</name>
    <message>
        <source>The profile was not deleted because its API keys could not be removed from the system keychain: %1</source>
        <translation>시스템 키체인에서 API 키를 제거할 수 없어 프로필을 삭제하지 않았습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::ProfileStore</name>
    <message>
        <source>Could not read the profile list %1: %2</source>
        <translation>프로필 목록 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The profile list %1 is damaged and was left untouched. Restore it from a backup or move it away to start with an empty list.</source>
        <translation>프로필 목록 %1이(가) 손상되어 변경하지 않았습니다. 백업에서 복원하거나, 파일을 다른 곳으로 옮겨 빈 목록으로 시작하세요.</translation>
    </message>
    <message>
        <source>The profile list %1 was written by a newer version of Hoga. Update Hoga to use it.</source>
        <translation>프로필 목록 %1은(는) 더 새로운 버전의 Hoga에서 작성되었습니다. 사용하려면 Hoga를 업데이트하세요.</translation>
    </message>
    <message>
        <source>Could not write the profile list %1: %2</source>
        <translation>프로필 목록 %1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Could not create the profile folder %1.</source>
        <translation>프로필 폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
    <message>
        <source>The profile list is busy in another Hoga window. Try again.</source>
        <translation>다른 Hoga 창에서 프로필 목록을 사용 중입니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::RecordToggle</name>
    <message>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>Record %1&apos;s tickers, trades and order book snapshots for backtests.</source>
        <translation>백테스트용으로 %1의 현재가, 체결, 호가창 스냅샷을 기록합니다.</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>기록 중</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n dropped</source>
        <translation>
            <numerusform>%n건 누락</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hoga::Research</name>
    <message>
        <source>There are fewer than two candles in the period.</source>
        <translation>기간 안의 캔들이 두 개보다 적습니다.</translation>
    </message>
    <message>
        <source>Sweep %1 takes FROM:TO:STEP with FROM &lt;= TO and STEP &gt; 0, not &quot;%2&quot;.</source>
        <translation>스윕 %1에는 FROM &lt;= TO, STEP &gt; 0인 FROM:TO:STEP를 쓰세요. &quot;%2&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Sweep %1 has more than %2 values.</source>
        <translation>스윕 %1의 값이 %2개를 넘습니다.</translation>
    </message>
    <message>
        <source>A sweep takes KEY=FROM:TO:STEP or KEY=A,B,C, not &quot;%1&quot;.</source>
        <translation>스윕에는 KEY=FROM:TO:STEP 또는 KEY=A,B,C를 쓰세요. &quot;%1&quot;은(는) 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Strategy %1 has no parameter %2.</source>
        <translation>전략 %1에는 %2 파라미터가 없습니다.</translation>
    </message>
    <message>
        <source>Sweep %1 is given more than once.</source>
        <translation>스윕 %1이(가) 두 번 이상 주어졌습니다.</translation>
    </message>
    <message>
        <source>Sweep %1 has no values.</source>
        <translation>스윕 %1에 값이 없습니다.</translation>
    </message>
    <message>
        <source>The sweep has more than %1 combinations.</source>
        <translation>스윕 조합이 %1개를 넘습니다.</translation>
    </message>
    <message>
        <source>No venue to download from.</source>
        <translation>내려받을 거래소가 없습니다.</translation>
    </message>
    <message>
        <source>The period is empty.</source>
        <translation>기간이 비어 있습니다.</translation>
    </message>
    <message>
        <source>That is more than %1 candles; download a shorter period.</source>
        <translation>캔들이 %1개를 넘습니다. 더 짧은 기간을 내려받으세요.</translation>
    </message>
    <message>
        <source>The venue went away during the download.</source>
        <translation>내려받는 중에 거래소 연결이 끊겼습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::RiskChecker</name>
    <message>
        <source>No last price is known yet, so the order&apos;s value cannot be checked against the maximum order value of %1.</source>
        <translation>아직 최근 체결가가 없어 주문 금액을 최대 주문 금액 %1과(와) 비교할 수 없습니다.</translation>
    </message>
    <message>
        <source>The order&apos;s value %1 is above the maximum order value %2.</source>
        <translation>주문 금액 %1이(가) 최대 주문 금액 %2을(를) 초과합니다.</translation>
    </message>
    <message>
        <source>The position after this order, %1, would be above the maximum position %2 in this market.</source>
        <translation>이 주문 후 포지션 %1이(가) 이 마켓의 최대 포지션 %2을(를) 초과하게 됩니다.</translation>
    </message>
    <message>
        <source>%1 orders are already open; the maximum is %2.</source>
        <translation>이미 미체결 주문이 %1건입니다. 최대 %2건까지 가능합니다.</translation>
    </message>
    <message>
        <source>%1 orders were sent in the last minute; the maximum is %2.</source>
        <translation>최근 1분 동안 %1건의 주문이 전송되었습니다. 최대 %2건까지 가능합니다.</translation>
    </message>
    <message>
        <source>No last price is known yet, so the limit price cannot be checked against it.</source>
        <translation>아직 최근 체결가가 없어 지정가를 비교할 수 없습니다.</translation>
    </message>
    <message>
        <source>The limit price %1 is more than %2% away from the last price %3.</source>
        <translation>지정가 %1이(가) 최근 체결가 %3과(와) %2% 넘게 차이 납니다.</translation>
    </message>
    <message>
        <source>The order of %3 would spend into the cash reserve of %1: only %2 is free.</source>
        <translation>%3 규모의 주문은 예비 현금 %1을(를) 침범합니다. 사용 가능한 금액은 %2뿐입니다.</translation>
    </message>
    <message>
        <source>Today&apos;s result %1 reached the daily loss limit of %2: the bot is halted and its orders are cancelled.</source>
        <translation>오늘 손익 %1이(가) 일일 손실 한도 %2에 도달했습니다. 봇이 중지되고 주문이 취소됩니다.</translation>
    </message>
</context>
<context>
    <name>hoga::ScreenshotRunner</name>
    <message>
        <source>Demo DCA</source>
        <translation>데모 DCA</translation>
    </message>
    <message>
        <source>Trading desk</source>
        <translation>트레이딩 데스크</translation>
    </message>
</context>
<context>
    <name>hoga::SecretStoreSelector</name>
    <message>
        <source>No system keychain is available and this profile has no password to encrypt keys with, so it cannot store API keys.</source>
        <translation>사용할 수 있는 시스템 키체인이 없고 이 프로필에는 키를 암호화할 비밀번호가 없어, API 키를 저장할 수 없습니다.</translation>
    </message>
    <message>
        <source>No system keychain is available, so this profile&apos;s API keys are kept in a file encrypted with the profile password.</source>
        <translation>사용할 수 있는 시스템 키체인이 없어, 이 프로필의 API 키는 프로필 비밀번호로 암호화된 파일에 보관됩니다.</translation>
    </message>
</context>
<context>
    <name>hoga::SimConnector</name>
    <message>
        <source>Simulated market</source>
        <translation>모의 시장</translation>
    </message>
    <message>
        <source>The simulated venue has no market %1.</source>
        <translation>모의 거래소에 %1 종목이 없습니다.</translation>
    </message>
    <message>
        <source>There is no order with client id %1.</source>
        <translation>클라이언트 ID %1에 해당하는 주문이 없습니다.</translation>
    </message>
    <message>
        <source>There is no order with id %1.</source>
        <translation>ID %1에 해당하는 주문이 없습니다.</translation>
    </message>
    <message>
        <source>The client order id %1 was already used for another order.</source>
        <translation>클라이언트 주문 ID %1: 이미 다른 주문에 사용된 ID입니다.</translation>
    </message>
    <message>
        <source>The order needs %1 %2 but only %3 %2 is available.</source>
        <translation>잔고가 부족합니다. 필요: %1 %2, 주문 가능: %3 %2.</translation>
    </message>
    <message>
        <source>Order %1 is already closed.</source>
        <translation>주문 %1: 이미 종료된 주문입니다.</translation>
    </message>
    <message>
        <source>It was kept as %1; the paper account starts anew.</source>
        <translation>%1(으)로 보관했습니다. 모의 계좌를 새로 시작합니다.</translation>
    </message>
    <message>
        <source>Cannot read the paper account %1: %2</source>
        <translation>모의 계좌 %1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The paper account %1 is damaged.</source>
        <translation>모의 계좌 %1이(가) 손상되었습니다.</translation>
    </message>
    <message>
        <source>Cannot save the paper account %1: %2</source>
        <translation>모의 계좌 %1을(를) 저장할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Price %1 KRW is outside today&apos;s price limits, %2 to %3 KRW (30 % either side of the previous close %4 KRW).</source>
        <translation>가격 %1원은 오늘의 가격제한폭(%2원~%3원, 전일 종가 %4원의 ±30%)을 벗어납니다.</translation>
    </message>
</context>
<context>
    <name>hoga::Strategies</name>
    <message>
        <source>Parameter order_value must be greater than zero.</source>
        <translation>order_value 파라미터는 0보다 커야 합니다.</translation>
    </message>
    <message>
        <source>%1 buy signal</source>
        <translation>%1 매수 신호</translation>
    </message>
    <message>
        <source>%1 sell signal</source>
        <translation>%1 매도 신호</translation>
    </message>
    <message>
        <source>dca buy</source>
        <translation>DCA 매수</translation>
    </message>
    <message>
        <source>Parameter lower is %1 but must be above zero and below upper, %2.</source>
        <translation>lower 파라미터가 %1입니다. 0보다 크고 upper(%2)보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Parameter qty_per_level is %1 but must be a positive multiple of the market&apos;s quantity step %2 and at least its minimum %3.</source>
        <translation>qty_per_level 파라미터가 %1입니다. 마켓의 수량 단위 %2의 양의 배수이면서 최소 수량 %3 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Parameter qty_per_level is %1 but an order at the lower price %2 would be worth less than the market&apos;s minimum order of %3 %4.</source>
        <translation>qty_per_level 파라미터가 %1이지만, 하단 가격 %2의 주문 금액이 마켓의 최소 주문 금액 %3 %4보다 작아집니다.</translation>
    </message>
    <message>
        <source>Parameter levels is %1 but the levels between %2 and %3 would fall on the same price tick. Use fewer levels or a wider range.</source>
        <translation>levels 파라미터가 %1이지만, %2와(과) %3 사이의 레벨이 같은 호가 단위에 겹칩니다. 레벨 수를 줄이거나 범위를 넓히세요.</translation>
    </message>
    <message>
        <source>grid buy at level %1</source>
        <translation>그리드 매수 (레벨 %1)</translation>
    </message>
    <message>
        <source>grid sell at level %1</source>
        <translation>그리드 매도 (레벨 %1)</translation>
    </message>
    <message>
        <source>Grid level %1 stays empty: its order ended %2.</source>
        <translation>그리드 레벨 %1은(는) 비워 둡니다: 주문이 %2 상태로 종료되었습니다.</translation>
    </message>
    <message>
        <source>Skipped the order &quot;%1&quot;: %2</source>
        <translation>&quot;%1&quot; 주문을 건너뛰었습니다: %2</translation>
    </message>
    <message>
        <source>The order &quot;%1&quot; was refused: %2</source>
        <translation>&quot;%1&quot; 주문이 거부되었습니다: %2</translation>
    </message>
    <message>
        <source>Parameter oversold is %1 but must be less than overbought, %2.</source>
        <translation>oversold 파라미터가 %1입니다. overbought(%2)보다 작아야 합니다.</translation>
    </message>
    <message>
        <source>Parameter fast is %1 but must be less than slow, %2.</source>
        <translation>fast 파라미터가 %1입니다. slow(%2)보다 작아야 합니다.</translation>
    </message>
</context>
<context>
    <name>hoga::StrategyParameters</name>
    <message>
        <source>Parameter %1 is %2 but must be at least %3.</source>
        <translation>%1 파라미터가 %2입니다. %3 이상이어야 합니다.</translation>
    </message>
    <message>
        <source>Parameter %1 is %2 but must be at most %3.</source>
        <translation>%1 파라미터가 %2입니다. %3 이하여야 합니다.</translation>
    </message>
    <message>
        <source>Parameter %1 needs a value.</source>
        <translation>%1 파라미터에 값이 필요합니다.</translation>
    </message>
    <message>
        <source>Parameter %1: &quot;%2&quot; is not a decimal number.</source>
        <translation>%1 파라미터: &quot;%2&quot;은(는) 소수가 아닙니다.</translation>
    </message>
    <message>
        <source>Parameter %1: &quot;%2&quot; is not a whole number.</source>
        <translation>%1 파라미터: &quot;%2&quot;은(는) 정수가 아닙니다.</translation>
    </message>
    <message>
        <source>Parameter %1: &quot;%2&quot; is not one of %3.</source>
        <translation>%1 파라미터: &quot;%2&quot;은(는) %3 중 하나가 아닙니다.</translation>
    </message>
    <message>
        <source>Parameter %1: &quot;%2&quot; is not a candle interval. Use one of %3.</source>
        <translation>%1 파라미터: &quot;%2&quot;은(는) 캔들 주기가 아닙니다. %3 중 하나를 사용하세요.</translation>
    </message>
    <message>
        <source>Parameter %1: &quot;%2&quot; is not a duration. Use a whole number followed by s, m, h or d, for example 30s, 5m, 4h or 1d.</source>
        <translation>%1 파라미터: &quot;%2&quot;은(는) 기간이 아닙니다. 정수 뒤에 s, m, h, d를 붙이세요. 예: 30s, 5m, 4h, 1d.</translation>
    </message>
    <message>
        <source>The strategy %1 has no parameter %2. Its parameters are %3.</source>
        <translation>%1 전략에는 %2 파라미터가 없습니다. 사용 가능한 파라미터: %3.</translation>
    </message>
    <message>
        <source>Parameter %1 is required: %2</source>
        <translation>%1 파라미터는 필수입니다: %2</translation>
    </message>
</context>
<context>
    <name>hoga::TradeTapeModel</name>
    <message>
        <source>Buyer took the ask</source>
        <translation>매수 체결 (매도호가에 체결)</translation>
    </message>
    <message>
        <source>Seller hit the bid</source>
        <translation>매도 체결 (매수호가에 체결)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>체결시간</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>체결가격</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>체결량</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>체결금액</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>체결금액 (%1)</translation>
    </message>
</context>
<context>
    <name>hoga::TradingEngine</name>
    <message>
        <source>The connection closed before the venue answered the order request.</source>
        <translation>거래소가 주문 요청에 응답하기 전에 연결이 끊어졌습니다.</translation>
    </message>
    <message>
        <source>The venue never received this order; it was not sent again.</source>
        <translation>거래소가 이 주문을 받지 못했습니다. 주문은 재전송되지 않았습니다.</translation>
    </message>
    <message>
        <source>Order %1 could not be looked up: %2</source>
        <translation>주문 %1을(를) 조회할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The trading engine is not open.</source>
        <translation>트레이딩 엔진이 열려 있지 않습니다.</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop until it is re-armed.</source>
        <translation>긴급 정지로 거래가 중단되었습니다. 다시 활성화할 때까지 유지됩니다.</translation>
    </message>
    <message>
        <source>The venue %1 is not connected.</source>
        <translation>거래소 %1에 연결되어 있지 않습니다.</translation>
    </message>
    <message>
        <source>The orders at %1 are being reconciled; no new order until that is done.</source>
        <translation>%1의 주문을 대사하는 중입니다. 완료될 때까지 새 주문을 낼 수 없습니다.</translation>
    </message>
    <message>
        <source>The rules of the market %1 are not loaded yet.</source>
        <translation>%1 마켓의 거래 규칙을 아직 불러오지 않았습니다.</translation>
    </message>
    <message>
        <source>The order is not open, so it cannot be cancelled.</source>
        <translation>미체결 주문이 아니므로 취소할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::TradingSession</name>
    <message>
        <source>The venue connection is closed.</source>
        <translation>거래소 연결이 끊겼습니다.</translation>
    </message>
    <message>
        <source>It is not known whether the order was placed. Check the open orders before placing it again.</source>
        <translation>주문이 접수되었는지 확인할 수 없습니다. 다시 주문하기 전에 미체결 주문을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::TradingTab</name>
    <message>
        <source>No open orders. Orders you place wait here until they fill or you cancel them.</source>
        <translation>미체결 주문이 없습니다. 주문하면 체결되거나 취소할 때까지 여기에 표시됩니다.</translation>
    </message>
    <message>
        <source>No fills yet.</source>
        <translation>아직 체결 내역이 없습니다.</translation>
    </message>
    <message>
        <source>No finished orders yet.</source>
        <translation>아직 완료된 주문이 없습니다.</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>미체결</translation>
    </message>
    <message>
        <source>Fills</source>
        <translation>체결 내역</translation>
    </message>
    <message>
        <source>Order history</source>
        <translation>주문 내역</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>주문 취소</translation>
    </message>
    <message>
        <source>Cancel all</source>
        <translation>전체 일괄취소</translation>
    </message>
    <message>
        <source>Cancel every open order in every market</source>
        <translation>모든 종목의 미체결 주문을 취소합니다</translation>
    </message>
    <message>
        <source>Cancel all orders in %1…</source>
        <translation>%1 일괄취소…</translation>
    </message>
    <message>
        <source>Cancel all orders…</source>
        <translation>전체 일괄취소…</translation>
    </message>
    <message>
        <source>Cancel all in market</source>
        <translation>종목 일괄취소</translation>
    </message>
    <message>
        <source>Cancel all in %1</source>
        <translation>%1 일괄취소</translation>
    </message>
    <message>
        <source>Cancel every open order in %1</source>
        <translation>%1의 미체결 주문을 모두 취소합니다</translation>
    </message>
    <message>
        <source>There are no open orders to cancel.</source>
        <translation>취소할 미체결 주문이 없습니다.</translation>
    </message>
    <message>
        <source>There are no open orders in %1 to cancel.</source>
        <translation>%1에 취소할 미체결 주문이 없습니다.</translation>
    </message>
    <message>
        <source>Cancel the 1 open order?</source>
        <translation>미체결 주문 1건을 취소할까요?</translation>
    </message>
    <message>
        <source>Cancel all %1 open orders, in every market?</source>
        <translation>모든 종목의 미체결 주문 %1건을 취소할까요?</translation>
    </message>
    <message>
        <source>Cancel the 1 open order in %1?</source>
        <translation>%1의 미체결 주문 1건을 취소할까요?</translation>
    </message>
    <message>
        <source>Cancel all %1 open orders in %2?</source>
        <translation>%2의 미체결 주문 %1건을 모두 취소할까요?</translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>주문 일괄취소</translation>
    </message>
    <message>
        <source>An order that fills before its cancel arrives stays filled.</source>
        <translation>취소 요청이 도착하기 전에 체결된 주문은 체결된 상태로 남습니다.</translation>
    </message>
    <message>
        <source>Cancel 1 order</source>
        <translation>1건 취소</translation>
    </message>
    <message>
        <source>Cancel %1 orders</source>
        <translation>%1건 취소</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>유지</translation>
    </message>
</context>
<context>
    <name>hoga::TrayController</name>
    <message>
        <source>Hide window</source>
        <translation>창 숨기기</translation>
    </message>
    <message>
        <source>Pause all bots</source>
        <translation>모든 봇 일시 정지</translation>
    </message>
    <message>
        <source>Resume bots</source>
        <translation>봇 재개</translation>
    </message>
    <message>
        <source>Emergency stop…</source>
        <translation>긴급 정지…</translation>
    </message>
    <message>
        <source>Quit Hoga</source>
        <translation>Hoga 종료</translation>
    </message>
    <message numerus="yes">
        <source>Hoga: %n bot(s) running</source>
        <translation>
            <numerusform>Hoga: 봇 %n개 실행 중</numerusform>
        </translation>
    </message>
    <message>
        <source>Today&apos;s PnL: %1</source>
        <translation>오늘 손익: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Trading is halted by the emergency stop.</source>
        <translation>긴급 정지로 거래가 중단되었습니다.</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>창 보이기</translation>
    </message>
    <message>
        <source>Hoga is still running</source>
        <translation>Hoga가 계속 실행 중입니다</translation>
    </message>
    <message>
        <source>Bots and market streams keep running in the tray. Choose Quit in the tray menu to end Hoga; this can be turned off in the Bots menu.</source>
        <translation>봇과 시세 스트림은 트레이에서 계속 실행됩니다. Hoga를 끝내려면 트레이 메뉴에서 종료를 고르세요. 이 동작은 봇 메뉴에서 끌 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::UpbitConnector</name>
    <message>
        <source>Upbit</source>
        <translation>업비트</translation>
    </message>
</context>
<context>
    <name>hoga::UpbitErrors</name>
    <message>
        <source>The venue found that the request&apos;s signature does not match its parameters.</source>
        <translation>거래소에서 요청의 서명이 파라미터와 일치하지 않는 것으로 확인했습니다.</translation>
    </message>
    <message>
        <source>The venue could not verify the request&apos;s token. Check that the secret key belongs to this access key.</source>
        <translation>거래소에서 요청 토큰을 검증할 수 없습니다. Secret Key가 이 Access Key와 짝이 맞는지 확인하세요.</translation>
    </message>
    <message>
        <source>The API key has expired. Create a new key on the venue&apos;s website.</source>
        <translation>API 키가 만료되었습니다. 거래소 웹사이트에서 새 키를 발급하세요.</translation>
    </message>
    <message>
        <source>The venue had already seen this request&apos;s one-time token; the request was not carried out.</source>
        <translation>이미 사용된 일회용 토큰이어서 거래소가 요청을 처리하지 않았습니다.</translation>
    </message>
    <message>
        <source>The request carried no authorization token.</source>
        <translation>요청에 인증 토큰이 없습니다.</translation>
    </message>
    <message>
        <source>The venue does not know this access key.</source>
        <translation>거래소에 등록되지 않은 Access Key입니다.</translation>
    </message>
    <message>
        <source>The venue refused the stream&apos;s authorization token.</source>
        <translation>거래소가 스트림 인증 토큰을 거부했습니다.</translation>
    </message>
    <message>
        <source>This computer&apos;s IP address is not on the API key&apos;s allowlist. Add it on the venue&apos;s website.</source>
        <translation>이 컴퓨터의 IP 주소가 API 키의 허용 목록에 없습니다. 거래소 웹사이트에서 추가하세요.</translation>
    </message>
    <message>
        <source>The API key lacks the permission for this action. Enable it for the key on the venue&apos;s website.</source>
        <translation>API 키에 이 작업을 할 권한이 없습니다. 거래소 웹사이트에서 키의 권한을 활성화하세요.</translation>
    </message>
    <message>
        <source>The withdrawal address is not registered with the venue.</source>
        <translation>거래소에 등록되지 않은 출금 주소입니다.</translation>
    </message>
    <message>
        <source>Not enough of the quote currency is available for this buy order (fees included).</source>
        <translation>이 매수 주문에 필요한 결제 통화 잔고가 부족합니다 (수수료 포함).</translation>
    </message>
    <message>
        <source>Not enough of the coin is available for this sell order.</source>
        <translation>이 매도 주문에 필요한 코인 잔고가 부족합니다.</translation>
    </message>
    <message>
        <source>The available balance is too low for this request.</source>
        <translation>이 요청에 필요한 주문 가능 잔고가 부족합니다.</translation>
    </message>
    <message>
        <source>The buy order&apos;s total is below the market&apos;s minimum order amount.</source>
        <translation>매수 주문금액이 종목의 최소 주문금액보다 적습니다.</translation>
    </message>
    <message>
        <source>The sell order&apos;s total is below the market&apos;s minimum order amount.</source>
        <translation>매도 주문금액이 종목의 최소 주문금액보다 적습니다.</translation>
    </message>
    <message>
        <source>The buy order&apos;s total is above the market&apos;s maximum order amount.</source>
        <translation>매수 주문금액이 종목의 최대 주문금액보다 많습니다.</translation>
    </message>
    <message>
        <source>The sell order&apos;s total is above the market&apos;s maximum order amount.</source>
        <translation>매도 주문금액이 종목의 최대 주문금액보다 많습니다.</translation>
    </message>
    <message>
        <source>The buy price is not a multiple of the market&apos;s price step (tick) at that price.</source>
        <translation>매수 가격이 해당 가격대의 호가 단위에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The sell price is not a multiple of the market&apos;s price step (tick) at that price.</source>
        <translation>매도 가격이 해당 가격대의 호가 단위에 맞지 않습니다.</translation>
    </message>
    <message>
        <source>The price is not valid for this market.</source>
        <translation>이 종목에 유효하지 않은 가격입니다.</translation>
    </message>
    <message>
        <source>The quantity is not valid for this market.</source>
        <translation>이 종목에 유효하지 않은 수량입니다.</translation>
    </message>
    <message>
        <source>The buy quantity is not valid for this market.</source>
        <translation>이 종목에 유효하지 않은 매수 수량입니다.</translation>
    </message>
    <message>
        <source>The sell quantity is not valid for this market.</source>
        <translation>이 종목에 유효하지 않은 매도 수량입니다.</translation>
    </message>
    <message>
        <source>The venue could not create the buy order. A market buy takes only a total amount, a limit buy a price and a quantity.</source>
        <translation>거래소에서 매수 주문을 생성할 수 없습니다. 시장가 매수는 총액만, 지정가 매수는 가격과 수량을 지정해야 합니다.</translation>
    </message>
    <message>
        <source>The venue could not create the sell order. A market sell takes only a quantity, a limit sell a price and a quantity.</source>
        <translation>거래소에서 매도 주문을 생성할 수 없습니다. 시장가 매도는 수량만, 지정가 매도는 가격과 수량을 지정해야 합니다.</translation>
    </message>
    <message>
        <source>The venue rejected the request&apos;s parameters.</source>
        <translation>거래소가 요청 파라미터를 거부했습니다.</translation>
    </message>
    <message>
        <source>The venue rejected a parameter of the request.</source>
        <translation>거래소가 요청 파라미터 중 하나를 거부했습니다.</translation>
    </message>
    <message>
        <source>The order&apos;s time-in-force condition is not allowed here.</source>
        <translation>이 주문의 주문 조건은 여기에서 허용되지 않습니다.</translation>
    </message>
    <message>
        <source>The order&apos;s client id was refused (it must be new and never used before).</source>
        <translation>클라이언트 주문 ID가 거부되었습니다 (한 번도 사용하지 않은 새 ID여야 합니다).</translation>
    </message>
    <message>
        <source>An order with this client id already exists.</source>
        <translation>이 클라이언트 ID의 주문이 이미 있습니다.</translation>
    </message>
    <message>
        <source>The venue has no such order (or it is no longer open).</source>
        <translation>거래소에 해당 주문이 없습니다 (또는 더 이상 미체결 상태가 아닙니다).</translation>
    </message>
    <message>
        <source>The venue has no such market.</source>
        <translation>거래소에 해당 종목이 없습니다.</translation>
    </message>
    <message>
        <source>Too many requests were sent to the venue in a short time.</source>
        <translation>짧은 시간에 거래소로 너무 많은 요청을 보냈습니다.</translation>
    </message>
    <message>
        <source>The market is under maintenance. Try again when the maintenance is over.</source>
        <translation>종목이 점검 중입니다. 점검이 끝난 뒤 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The venue accepts this request only with query parameters.</source>
        <translation>거래소는 이 요청을 쿼리 파라미터로만 받습니다.</translation>
    </message>
    <message>
        <source>The venue did not understand the stream subscription.</source>
        <translation>거래소가 스트림 구독 요청을 이해하지 못했습니다.</translation>
    </message>
    <message>
        <source>The stream subscription lacked a ticket.</source>
        <translation>스트림 구독 요청에 ticket이 없습니다.</translation>
    </message>
    <message>
        <source>The stream subscription lacked a type.</source>
        <translation>스트림 구독 요청에 type이 없습니다.</translation>
    </message>
    <message>
        <source>The stream subscription named no markets.</source>
        <translation>스트림 구독 요청에 종목이 지정되지 않았습니다.</translation>
    </message>
    <message>
        <source>The stream subscription had an invalid parameter.</source>
        <translation>스트림 구독 요청에 잘못된 파라미터가 있습니다.</translation>
    </message>
    <message>
        <source>The venue did not accept the request&apos;s authorization.</source>
        <translation>거래소가 요청의 인증을 받아들이지 않았습니다.</translation>
    </message>
    <message>
        <source>The venue refused access to this request.</source>
        <translation>거래소가 이 요청에 대한 접근을 거부했습니다.</translation>
    </message>
    <message>
        <source>The venue has no such market or item.</source>
        <translation>거래소에 해당 종목이나 항목이 없습니다.</translation>
    </message>
    <message>
        <source>The venue has temporarily blocked requests from this address for sending too many.</source>
        <translation>요청을 너무 많이 보내 거래소가 이 주소의 요청을 일시적으로 차단했습니다.</translation>
    </message>
    <message>
        <source>The venue had an internal error (HTTP %1).</source>
        <translation>거래소에 내부 오류가 발생했습니다 (HTTP %1).</translation>
    </message>
    <message>
        <source>The venue answered with HTTP status %1.</source>
        <translation>거래소가 HTTP 상태 %1(으)로 응답했습니다.</translation>
    </message>
    <message>
        <source>The venue answered in the format of its retired API 1.0.</source>
        <translation>거래소가 지원 종료된 API 1.0 형식으로 응답했습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::VenueConnector</name>
    <message>
        <source>unreadable answer</source>
        <translation>읽을 수 없는 응답</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP 상태 %1</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>요청이 취소되었습니다.</translation>
    </message>
    <message>
        <source>No API key is configured for this venue; add one in the settings to trade.</source>
        <translation>이 거래소에 설정된 API 키가 없습니다. 거래하려면 설정에서 키를 추가하세요.</translation>
    </message>
    <message>
        <source>The venue&apos;s answer could not be read: %1</source>
        <translation>거래소 응답을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>The venue has no market %1.</source>
        <translation>거래소에 %1 종목이 없습니다.</translation>
    </message>
    <message>
        <source>This venue has no %1 candles.</source>
        <translation>이 거래소는 %1 캔들을 제공하지 않습니다.</translation>
    </message>
    <message>
        <source>The order request failed (%1) and the venue has no order with client id %2: the order was not placed.</source>
        <translation>주문 요청이 실패했고(%1) 거래소에 클라이언트 ID %2의 주문이 없습니다. 주문은 접수되지 않았습니다.</translation>
    </message>
    <message>
        <source>The order request failed (%1) and whether the order was placed could not be confirmed (%2). Check the open orders for client id %3 before trying again.</source>
        <translation>주문 요청이 실패했고(%1) 주문 접수 여부를 확인할 수 없습니다(%2). 다시 시도하기 전에 미체결 주문에서 클라이언트 ID %3을(를) 확인하세요.</translation>
    </message>
    <message>
        <source>The order request failed (%1) and whether the order was placed could not be confirmed (%2). Check the open orders before trying again.</source>
        <translation>주문 요청이 실패했고(%1) 주문 접수 여부를 확인하지 못했습니다(%2). 다시 주문하기 전에 미체결 주문을 확인하세요.</translation>
    </message>
    <message>
        <source>The order request failed (%1) and the venue lists no such order: the order was not placed.</source>
        <translation>주문 요청이 실패했고(%1) 거래소 주문 목록에 해당 주문이 없습니다. 주문은 접수되지 않았습니다.</translation>
    </message>
    <message>
        <source>The venue has no order book for market %1.</source>
        <translation>거래소에 %1 종목의 호가가 없습니다.</translation>
    </message>
    <message>
        <source>The live stream cannot connect yet: %1</source>
        <translation>실시간 스트림에 아직 연결할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>the order is not JSON</source>
        <translation>주문이 JSON 형식이 아닙니다</translation>
    </message>
    <message>
        <source>The order %1 is no longer open, so it cannot be modified.</source>
        <translation>주문 %1은(는) 더 이상 미체결 상태가 아니어서 정정할 수 없습니다.</translation>
    </message>
    <message>
        <source>Only limit orders can be modified; %1 is not one.</source>
        <translation>지정가 주문만 정정할 수 있습니다. %1은(는) 지정가 주문이 아닙니다.</translation>
    </message>
    <message>
        <source>The modify of %1 may have reached the venue; list the open orders to see which order holds it now.</source>
        <translation>%1의 정정 요청이 거래소에 도달했을 수 있습니다. 미체결 주문을 조회해 지금 어느 주문에 남아 있는지 확인하세요.</translation>
    </message>
    <message>
        <source>the answer is not JSON</source>
        <translation>응답이 JSON 형식이 아닙니다</translation>
    </message>
    <message>
        <source>no new order number</source>
        <translation>새 주문 번호가 없습니다</translation>
    </message>
    <message>
        <source>The venue streams a limited number of subscriptions on its one live connection; these are not streamed: %1</source>
        <translation>거래소는 하나의 실시간 연결에서 정해진 수의 구독만 제공합니다. 다음 항목은 실시간으로 받지 않습니다: %1</translation>
    </message>
</context>
<context>
    <name>hoga::VenueError</name>
    <message>
        <source>Authentication failed</source>
        <translation>인증 실패</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한 없음</translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation>요청 횟수 초과</translation>
    </message>
    <message>
        <source>Insufficient funds</source>
        <translation>잔고 부족</translation>
    </message>
    <message>
        <source>Invalid order</source>
        <translation>잘못된 주문</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>찾을 수 없음</translation>
    </message>
    <message>
        <source>Venue error</source>
        <translation>거래소 오류</translation>
    </message>
    <message>
        <source>Network error</source>
        <translation>네트워크 오류</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>Check that the API key is valid and has not expired.</source>
        <translation>API 키가 유효하고 만료되지 않았는지 확인하세요.</translation>
    </message>
    <message>
        <source>The key lacks this permission or this IP address is not on its allowlist.</source>
        <translation>키에 이 권한이 없거나 현재 IP 주소가 허용 목록에 없습니다.</translation>
    </message>
    <message numerus="yes">
        <source>Try again in %n second(s).</source>
        <translation>
            <numerusform>%n초 후 다시 시도하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wait a moment and try again.</source>
        <translation>잠시 후 다시 시도하세요.</translation>
    </message>
    <message>
        <source>The available balance is too low.</source>
        <translation>주문 가능 잔고가 부족합니다.</translation>
    </message>
    <message>
        <source>Check the network connection.</source>
        <translation>네트워크 연결을 확인하세요.</translation>
    </message>
    <message>
        <source>The venue said: %1%2</source>
        <translation>거래소 메시지: %1%2</translation>
    </message>
</context>
<context>
    <name>hoga::VenueKeyTester</name>
    <message>
        <source>Unknown venue “%1”.</source>
        <translation>알 수 없는 거래소입니다: “%1”.</translation>
    </message>
    <message>
        <source>Key works: %1 balances readable.</source>
        <translation>키 정상: 잔고 %1개를 읽을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::VenueKeysDialog</name>
    <message>
        <source>Venues and keys</source>
        <translation>거래소 및 키</translation>
    </message>
    <message>
        <source>API keys let Hoga read your balances and place orders. They are stored for this profile only. Create keys on the venue&apos;s website and allow this computer&apos;s IP address.</source>
        <translation>API 키가 있으면 Hoga가 잔고를 조회하고 주문을 낼 수 있습니다. 키는 이 프로필에만 저장됩니다. 거래소 웹사이트에서 키를 발급하고 이 컴퓨터의 IP 주소를 허용하세요.</translation>
    </message>
    <message>
        <source>No system keychain found; keys are kept in an encrypted file protected by your profile password.</source>
        <translation>시스템 키체인을 찾을 수 없어, 키를 프로필 비밀번호로 보호되는 암호화 파일에 보관합니다.</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>거래소</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Add key…</source>
        <translation>키 추가…</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>테스트</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>Remove the %1 API key from this profile? Hoga can then no longer read balances or trade there. The key itself stays valid at the venue.</source>
        <translation>이 프로필에서 %1 API 키를 제거할까요? 제거하면 Hoga가 이 거래소의 잔고를 조회하거나 거래할 수 없습니다. 키 자체는 거래소에서 계속 유효합니다.</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>키 저장</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>키 제거</translation>
    </message>
    <message>
        <source>Keep key</source>
        <translation>키 유지</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Some keys could not be read. %1</source>
        <translation>일부 키를 읽을 수 없습니다. %1</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>키 없음</translation>
    </message>
    <message>
        <source>Replace key…</source>
        <translation>키 교체…</translation>
    </message>
    <message>
        <source>Replace the %1 key</source>
        <translation>%1 키 교체</translation>
    </message>
    <message>
        <source>Add a %1 key</source>
        <translation>%1 키 추가</translation>
    </message>
    <message>
        <source>Saving the key…</source>
        <translation>키 저장 중…</translation>
    </message>
    <message>
        <source>The key was not saved. %1</source>
        <translation>키를 저장하지 못했습니다. %1</translation>
    </message>
    <message>
        <source>%1 key saved. Use Test to check that the venue accepts it.</source>
        <translation>%1 키를 저장했습니다. 테스트를 눌러 거래소에서 키가 허용되는지 확인하세요.</translation>
    </message>
    <message>
        <source>Asking %1 for the balances…</source>
        <translation>%1에 잔고를 요청하는 중…</translation>
    </message>
    <message>
        <source>The key could not be read. %1</source>
        <translation>키를 읽을 수 없습니다. %1</translation>
    </message>
    <message>
        <source>The key was not removed. %1</source>
        <translation>키를 제거하지 못했습니다. %1</translation>
    </message>
    <message>
        <source>%1 key removed from this profile.</source>
        <translation>이 프로필에서 %1 키를 제거했습니다.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>상세 정보</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>설정 안 함</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (선택)</translation>
    </message>
    <message>
        <source>“%1” is required.</source>
        <translation>“%1” 항목을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::VenueSession</name>
    <message>
        <source>Add API keys for %1 to see balances and trade.</source>
        <translation>잔고를 조회하고 거래하려면 %1 API 키를 추가하세요.</translation>
    </message>
</context>
<context>
    <name>hoga::VenueStatusWidget</name>
    <message>
        <source>Simulated</source>
        <translation>모의</translation>
    </message>
    <message>
        <source>Built-in simulator: generated prices, paper balances, no network.</source>
        <translation>내장 시뮬레이터: 생성된 가격, 모의 잔고, 네트워크 미사용.</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>아직 데이터 없음</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>%1 갱신</translation>
    </message>
    <message>
        <source>No market data arrived from %1 recently. Hoga keeps listening and clears this when data flows again.</source>
        <translation>최근 %1에서 시세 데이터가 들어오지 않았습니다. Hoga는 계속 수신하며, 데이터가 다시 들어오면 이 표시를 지웁니다.</translation>
    </message>
    <message>
        <source>Stale markets: %1</source>
        <translation>지연 종목: %1개</translation>
    </message>
    <message>
        <source>No recent update for: %1</source>
        <translation>최근 업데이트 없음: %1</translation>
    </message>
</context>
<context>
    <name>hoga::WebhookChannel</name>
    <message>
        <source>Discord</source>
        <translation>디스코드</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>슬랙</translation>
    </message>
    <message>
        <source>Telegram bot</source>
        <translation>텔레그램 봇</translation>
    </message>
    <message>
        <source>JSON POST</source>
        <translation>JSON POST</translation>
    </message>
    <message>
        <source>Give the channel a name.</source>
        <translation>채널 이름을 정하세요.</translation>
    </message>
    <message>
        <source>Enter the bot token BotFather gave you (digits, a colon, then letters and digits).</source>
        <translation>BotFather가 준 봇 토큰을 입력하세요(숫자, 콜론, 그다음 영문자와 숫자).</translation>
    </message>
    <message>
        <source>Enter the chat id.</source>
        <translation>채팅 ID를 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the webhook&apos;s full URL (https://...).</source>
        <translation>웹훅의 전체 URL(https://...)을 입력하세요.</translation>
    </message>
    <message>
        <source>Telegram bot …, chat %1</source>
        <translation>텔레그램 봇 …, 채팅 %1</translation>
    </message>
</context>
<context>
    <name>hoga::WebhookChannelDialog</name>
    <message>
        <source>Edit webhook</source>
        <translation>웹훅 편집</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>새 웹훅</translation>
    </message>
    <message>
        <source>Send notifications to this channel</source>
        <translation>이 채널로 알림 보내기</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>서비스</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>채팅 ID</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>봇 토큰</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>웹훅 URL</translation>
    </message>
    <message>
        <source>(saved; leave empty to keep it)</source>
        <translation>(저장됨; 그대로 두려면 비워 두세요)</translation>
    </message>
    <message>
        <source>123456789:AA…</source>
        <translation>123456789:AA…</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Enter the bot token.</source>
        <translation>봇 토큰을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter the webhook URL.</source>
        <translation>웹훅 URL을 입력하세요.</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>보내는 알림</translation>
    </message>
    <message>
        <source>Choose at least one kind of notification to send.</source>
        <translation>보낼 알림 종류를 하나 이상 고르세요.</translation>
    </message>
</context>
<context>
    <name>hoga::WebhookChannelStore</name>
    <message>
        <source>This channel cannot be saved.</source>
        <translation>이 채널은 저장할 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>hoga::WebhookWorker</name>
    <message>
        <source>rate limited (HTTP 429)</source>
        <translation>요청 한도 초과(HTTP 429)</translation>
    </message>
    <message>
        <source>network error %1</source>
        <translation>네트워크 오류 %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Could not post to %1: %2</source>
        <translation>%1에 보내지 못했습니다: %2</translation>
    </message>
</context>
<context>
    <name>hoga::net::HttpClient</name>
    <message numerus="yes">
        <source>The venue failed %n time(s) in a row; requests pause until %1.</source>
        <translation>
            <numerusform>거래소 요청이 %n회 연속 실패하여 %1까지 요청을 보내지 않습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>The venue has blocked requests for making too many; it accepts them again at %1.</source>
        <translation>요청이 너무 많아 거래소가 요청을 차단했습니다. %1부터 다시 요청할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>%n초 안에 %1의 응답이 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1에 연결할 수 없습니다: %2</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>요청이 취소되었습니다.</translation>
    </message>
    <message numerus="yes">
        <source>The credentials for %1 could not be prepared within %n second(s).</source>
        <translation>
            <numerusform>%1의 인증 정보를 %n초 안에 준비하지 못했습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hoga::net::WsSession</name>
    <message>
        <source>The server closed the connection.</source>
        <translation>서버가 연결을 종료했습니다.</translation>
    </message>
    <message>
        <source>The server closed the connection: %1</source>
        <translation>서버가 연결을 종료했습니다: %1</translation>
    </message>
    <message>
        <source>Connection error: %1</source>
        <translation>연결 오류: %1</translation>
    </message>
    <message numerus="yes">
        <source>The connection was not established within %n second(s).</source>
        <translation>
            <numerusform>%n초 안에 연결되지 않았습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No data for %n second(s); reconnecting.</source>
        <translation>
            <numerusform>%n초 동안 데이터가 없어 다시 연결합니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hoga::upbit::Wire</name>
    <message>
        <source>the candle list is not an array</source>
        <translation>캔들 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the market list is not an array</source>
        <translation>종목 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the ticker list is not an array</source>
        <translation>시세 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the trade list is not an array</source>
        <translation>체결 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the account list is not an array</source>
        <translation>계좌 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the order list is not an array</source>
        <translation>주문 목록이 배열이 아님</translation>
    </message>
    <message>
        <source>the order is not an object</source>
        <translation>주문이 객체가 아님</translation>
    </message>
</context>
</TS>
